/** Document360's export files: the metadata block and the editor's attribute lists. */
import { describe, expect, it } from 'vitest';
import { dropDocument360Attributes, parseDocument360File } from './document360-export.ts';

describe('parseDocument360File', () => {
  // As the real export writes it (test/fixtures/import-document360/PROVENANCE.md): trailing spaces, empty values.
  const block =
    '## Metadata_Start \n## code: en\n## title: Add a First Fill \n## slug: adding-a-fill \n## seoTitle: Add a First Fill \n## description:  \n## contentType: Markdown \n## Metadata_End\n';

  it('reads title, slug and description off the block and keeps the rest of the file as the body', () => {
    const file = parseDocument360File(`${block}In Vexy Lines, a "fill" is the magic.\n`);
    expect(file.data).toEqual({ title: 'Add a First Fill', slug: 'adding-a-fill' });
    expect(file.language).toBe('en');
    expect(file.body).toBe('In Vexy Lines, a "fill" is the magic.\n');
  });

  it('also reads the block inside an HTML comment, and leaves a file without one alone', () => {
    const html = parseDocument360File('<!-- ## Metadata_Start\n## title: Shortcuts\n## Metadata_End -->\n<p>Text</p>');
    expect(html.data).toEqual({ title: 'Shortcuts' });
    expect(html.body).toBe('<p>Text</p>');
    expect(parseDocument360File('# Plain\n\n## Metadata_Start is a heading here\n')).toEqual({
      data: {},
      body: '# Plain\n\n## Metadata_Start is a heading here\n',
    });
  });
});

describe('dropDocument360Attributes', () => {
  it('takes the attribute lists off images and links, and leaves other braces', () => {
    const { text, count } = dropDocument360Attributes(
      '![image.png](https://cdn.document360.io/x/Images/Documentation/image-43JGZFBH.png){height="" width="316"}\n' +
        'See [MariaDB Galera](https://mariadb.com/kb/en/what-is-mariadb-galera-cluster/){target=`_blank`}.\n' +
        'A set {a, b} and [a link](https://example.com) {not attributes}.',
    );
    expect(text).toBe(
      '![image.png](https://cdn.document360.io/x/Images/Documentation/image-43JGZFBH.png)\n' +
        'See [MariaDB Galera](https://mariadb.com/kb/en/what-is-mariadb-galera-cluster/).\n' +
        'A set {a, b} and [a link](https://example.com) {not attributes}.',
    );
    expect(count).toBe(2);
  });
});
