/** The description an import writes when the source has none: never one the linter must flag for the import's sake. */
import { describe, expect, it } from 'vitest';
import { deriveDescription } from './import-content.ts';
import type { SourcePage } from './types.ts';

const page = (title: string, description?: string): SourcePage => ({
  origin: 'docs/page.md',
  kind: 'article',
  category: { key: '', title: 'General' },
  slugHint: 'page',
  title,
  description,
  body: '',
  tags: [],
  draft: false,
  oldUrls: [],
  linkKeys: [],
  droppedKeys: [],
});

describe('deriveDescription', () => {
  it('takes a page of callouts and lists by its words, not by its title alone', () => {
    // docusaurus-thunderbird-reply's compatibility.md: no paragraph, the summary is in a callout.
    const body =
      '---\n\n## Compatibility {#compatibility}\n\n:::important[Minimum Thunderbird Version]\nThis add‑on supports Thunderbird **128 ESR or newer**. Older versions are not supported.\n:::\n\n- Tested on Windows, macOS, and Linux.';
    expect(deriveDescription(page('Compatibility'), body).description).toBe(
      'This add‑on supports Thunderbird 128 ESR or newer. Older versions are not supported.',
    );
    expect(
      deriveDescription(
        page('Shortcuts'),
        '- Press **Ctrl+N** for a new note.\n- Press **Ctrl+F** to search all notes.',
      ).description,
    ).toBe('Press Ctrl+N for a new note. Press Ctrl+F to search all notes.');
  });

  it('leaves no Markdown heading mark in it, and falls back to the title when the page has no words', () => {
    expect(deriveDescription(page('Showcases'), '\\# At the moment this page is empty').description).toBe(
      'Showcases: At the moment this page is empty',
    );
    expect(deriveDescription(page('Example'), '```\ncode only\n```').description).toBe('Example.');
  });

  it('keeps the source description, short as it may be (lint then rightly asks for more)', () => {
    expect(deriveDescription(page('Support', 'Contact me for any support issues.'), 'Text.').description).toBe(
      'Contact me for any support issues.',
    );
  });
});
