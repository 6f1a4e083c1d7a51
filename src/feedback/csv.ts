/** CSV that is safe to open in a spreadsheet: RFC 4180 quoting and a formula-injection guard. */

// Cells starting like a formula (= + - @, tab, CR, and their full-width forms) get a leading quote.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell: guarded against formulas, quoted when it holds a quote, comma or line break. */
export function formatCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). */
export function formatCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): string {
  return [header, ...rows].map((row) => row.map(formatCsvCell).join(',')).join('\r\n') + '\r\n';
}
