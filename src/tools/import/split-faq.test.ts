import { describe, expect, it } from 'vitest';
import { splitFaqPage } from './split-faq.ts';

describe('splitFaqPage', () => {
  it('splits a page of question headings, keeping each heading id as the anchor', () => {
    const split = splitFaqPage(
      [
        'A short note on these questions.',
        '',
        '## How do I pay by **card**?',
        '',
        'Add the card under Billing.',
        '',
        '```md',
        '## Not a heading?',
        '```',
        '',
        '## Can I pay later? {#pay-later}',
        '',
        'Yes.',
        '',
        '### In instalments',
        '',
        'Three of them.',
        '',
        '## How do I pay by card?',
        '',
        'The same question twice gets the id the old site gave it.',
        '',
      ].join('\n'),
    );
    expect(split).toEqual({
      intro: 'A short note on these questions.',
      faqs: [
        {
          question: 'How do I pay by card?',
          anchor: 'how-do-i-pay-by-card',
          innerAnchors: [],
          answer: 'Add the card under Billing.\n\n```md\n## Not a heading?\n```',
        },
        {
          question: 'Can I pay later?',
          anchor: 'pay-later',
          innerAnchors: ['in-instalments'],
          answer: 'Yes.\n\n## In instalments\n\nThree of them.',
        },
        {
          question: 'How do I pay by card?',
          anchor: 'how-do-i-pay-by-card-1',
          innerAnchors: [],
          answer: 'The same question twice gets the id the old site gave it.',
        },
      ],
    });
  });

  it('accepts questions in other scripts', () => {
    const split = splitFaqPage('## 支払い方法は？\n\nカードです。\n\n## هل يمكنني الدفع لاحقا؟\n\nنعم.\n');
    expect('faqs' in split && split.faqs.map((f) => f.question)).toEqual(['支払い方法は？', 'هل يمكنني الدفع لاحقا؟']);
  });

  it('says why a page is not FAQ-shaped, and whether it came close', () => {
    expect(splitFaqPage('Just text.\n')).toEqual({ reason: 'it has no headings', nearMiss: false });
    expect(splitFaqPage('## Install\n\nRun it.\n')).toEqual({
      reason: 'none of its headings is a question',
      nearMiss: false,
    });
    expect(splitFaqPage('## Why?\n\nBecause.\n\n## Logs\n\nIn ~/.acme.\n')).toEqual({
      reason: 'the heading "Logs" is not a question, so the page stays whole',
      nearMiss: true,
    });
    expect(splitFaqPage('## Why?\n\nBecause.\n')).toEqual({
      reason: 'it has only one question heading',
      nearMiss: true,
    });
    expect(splitFaqPage('## Why?\n\n## How?\n\nLike this.\n')).toEqual({
      reason: 'the question "Why?" has no answer under it',
      nearMiss: true,
    });
    expect(splitFaqPage('One.\n\nTwo.\n\n## Why?\n\nBecause.\n\n## How?\n\nLike this.\n')).toEqual({
      reason: 'it has more than a short paragraph before the first question',
      nearMiss: true,
    });
  });
});
