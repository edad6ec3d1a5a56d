// CSV as RFC 4180 writes it, made safe to open in a spreadsheet: tip notes and handles are
// written by strangers, and a cell a spreadsheet reads as a formula would run their code.

/** Cells a spreadsheet treats as the start of a formula (or of a line that becomes one). */
const FORMULA_START = /^[=+\-@\t\r]/

/** Prefixes an apostrophe to a cell a spreadsheet would run, so it reads as text. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

function field(cell: string): string {
  const safe = neutralise(cell)
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** One record per row, CRLF after each (the last included), every cell neutralised and quoted as needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('')
}
