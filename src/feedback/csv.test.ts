import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvCell } from './csv.ts';

describe('formatCsvCell', () => {
  it('prefixes cells that a spreadsheet would run as a formula with a quote', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1+1']) {
      expect(formatCsvCell(text).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(formatCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(formatCsvCell('plain text')).toBe('plain text');
    expect(formatCsvCell('a,b')).toBe('"a,b"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(-3)).toBe('-3');
  });
});

describe('formatCsv', () => {
  it('joins a header and rows with CRLF', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          ['1', null],
          ['=x', 'y'],
        ],
      ),
    ).toBe("a,b\r\n1,\r\n'=x,y\r\n");
  });
});
