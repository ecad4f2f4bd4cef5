/** What kind of input a path names, by its extension: told apart before any reader is loaded. */

/** True when a path names a CSV (or TSV) table. */
export function isCsvPath(file: string): boolean {
  return /\.(csv|tsv)$/i.test(file);
}

/** True when a path names an Excel workbook. */
export function isXlsxPath(file: string): boolean {
  return /\.(xlsx|xlsm|xltx|xltm)$/i.test(file);
}
