import { describe, expect, it } from 'vitest';
import { article, faq, lintTestSite } from '../../../../test/helpers/lint-site.ts';

describe('placeholders', () => {
  it('accepts text without placeholders, and TODO inside code', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article('A todo list app. `TODO` in code.\n\n```\n# TODO\n```\n'),
    });
    expect(lines).toEqual([]);
  });

  it('reports TODO, TBD and FIXME in frontmatter fields and in the text', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(
        'TODO: write the steps.\n\nThe price is TBD.\n',
        'title: Test\ndescription: "TODO: say in one or two sentences what this article helps with."\nowner: TODO\n',
      ),
      'content/faqs/billing/test.md': faq('FIXME: the question?'),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:3:1  error  description is still a placeholder ("TODO"); write the real description before publishing  (todo-placeholder)",
        "content/articles/billing/test.md:4:1  error  owner is still a placeholder ("TODO"); write the real owner before publishing  (todo-placeholder)",
        "content/articles/billing/test.md:7:1  error  "TODO" marks text that is still missing; write it or remove the note before publishing  (todo-placeholder)",
        "content/articles/billing/test.md:9:14  error  "TBD" marks text that is still missing; write it or remove the note before publishing  (todo-placeholder)",
        "content/faqs/billing/test.md:2:1  error  question is still a placeholder ("FIXME"); write the real question before publishing  (todo-placeholder)",
      ]
    `);
  });
});
