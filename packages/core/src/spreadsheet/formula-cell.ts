/**
 * First characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula
 * (OWASP, "CSV Injection": `=`, `+`, `-`, `@`, tab 0x09, carriage return 0x0D, line feed 0x0A),
 * also after leading spaces, which an import may trim ("Trim spaces" in LibreOffice).
 */
const formulaStart = /^ *[=+\-@\t\r\n]/;

/**
 * A cell that is only a decimal number ("-12,50", "+3.5", "-7") is read as that number, never as
 * a formula: it stays as written so that amounts, negative ones included, remain numbers (the FEC
 * writes amounts as numbers with a decimal comma, LPF art. A47 A-1).
 */
const plainNumber = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * The text to write in a cell of an exported file (CSV, TSV, FEC, spreadsheet) so that a
 * spreadsheet opening it shows the text instead of evaluating it: a leading apostrophe, as OWASP
 * recommends, before any cell that begins like a formula. Every export writes its cells through it.
 */
export function neutralizeFormula(cell: string): string {
  if (!formulaStart.test(cell) || plainNumber.test(cell)) return cell;
  return `'${cell}`;
}
