import { describe, expect, it } from 'vitest';
import { balanceDirectiveFences, createCodeTracker } from './directive-fences.ts';

describe('balanceDirectiveFences', () => {
  it('gives outer blocks longer fences than the blocks they hold', () => {
    expect(balanceDirectiveFences(':::tabs\n:::tab[A]\n:::note\nx\n:::\n:::\n:::tab[B]\ny\n:::\n:::')).toBe(
      // Each block is longer than what it holds: tab A holds a note, tab B nothing.
      ':::::tabs\n::::tab[A]\n:::note\nx\n:::\n::::\n:::tab[B]\ny\n:::\n:::::',
    );
    expect(balanceDirectiveFences(':::tabs\n:::tab[A]\nx\n:::\n:::')).toBe('::::tabs\n:::tab[A]\nx\n:::\n::::');
  });

  it('leaves code blocks and a lone closing line alone', () => {
    const md = '```\n:::tabs\n```\n:::\n';
    expect(balanceDirectiveFences(md)).toBe(md);
  });
});

describe('createCodeTracker', () => {
  it('does not close a fence on an indented fence inside it', () => {
    const isCode = createCodeTracker();
    const lines = ['```', '=== "C"', '    ``` c', '    x', '    ```', '```', ':::note'];
    expect(lines.map(isCode)).toEqual([true, true, true, true, true, true, false]);
  });
});
