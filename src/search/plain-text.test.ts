import { describe, expect, it } from 'vitest';
import { getPlainParagraphs, getPlainText } from './plain-text.ts';

const sample = `## Request a refund

1. Open **Orders** and pick the [order](../orders/track.md#status).
2. Select *Return*.

:::warning[Before you start]
Keep the \`box\`. See https://parcelo.example/help.
:::

| Method | Time |
| --- | --- |
| Card | 3–5 days |

\`\`\`sh
npm run build
\`\`\`
<kbd>Ctrl</kbd> ![A card icon](/images/card.svg)
`;

describe('getPlainText', () => {
  it('keeps the words readers see and drops markup, URLs and code', () => {
    const text = getPlainText(sample);
    for (const word of [
      'Request a refund',
      'Open Orders and pick the order',
      'Select Return',
      'Before you start',
      'Keep the',
      'Card',
      '3–5 days',
      'A card icon',
    ]) {
      expect(text).toContain(word);
    }
    for (const markup of ['**', '](', 'https://', 'npm run build', ':::', '<kbd>', '##', '.md']) {
      expect(text).not.toContain(markup);
    }
  });

  it('finds the same words as a full Markdown parse on prose', () => {
    const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu));
    const prose = 'Open **Orders** and pick the [order](x.md).\n\n- Select *Return* to send it back.';
    expect(words(getPlainText(prose))).toEqual(words(getPlainParagraphs(prose).join(' ')));
  });
});
