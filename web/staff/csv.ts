/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 BOM so
 * Excel reads Chinese correctly. Cells that a spreadsheet would run as a
 * formula (starting with = + - @, or tab / carriage return) get a leading
 * single quote: register entries are typed by staff from what reporters say.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised and quoted when needed. */
export function csvCell(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (without the BOM), each line ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** The CSV as a downloadable UTF-8 file with a byte order mark. */
export function csvBlob(rows: readonly (readonly CsvCell[])[]): Blob {
  return new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });
}
