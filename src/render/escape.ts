/** Escaping of file texts for every format they land in (DESIGN.md §7). */

// Characters whose mere presence is an HTML parse error: C0/C1 controls (but tab, LF, FF, CR), DEL,
// noncharacters and lone surrogates.
const HTML_INVALID = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]|\p{Noncharacter_Code_Point}/gu;

/** Text for HTML element content or a quoted attribute value: escaped, and characters HTML forbids removed. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_INVALID, "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);
}

/** A URL that may be made a link: http(s) or mailto only; anything else (javascript:, data:) is not. */
export function safeLinkUrl(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) && !/[\u0000-\u001F\u007F]/.test(trimmed) ? trimmed : undefined;
}

// Characters XML 1.0 does not allow at all.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML content or attributes: escaped, and characters XML forbids removed. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);
}

/**
 * One CSV cell (RFC 4180), neutralised against formula injection: a cell that begins with = + - @
 * tab or CR, or with spaces before one of them (spreadsheets skip them), gets a leading `'`; and no
 * CI runner command can come from it.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // Escape sequences and control characters (but tab and line breaks, which quoting keeps) removed: CSV on stdout lands in a terminal.
  const safe = runnerSafe(value.replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, "").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ""));
  const text = /^[\s\u00A0\u3000]*[=+\-@\t\r]/.test(safe) ? `'${safe}` : safe;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text for a markdown table cell or inline text: no table break, no raw HTML, no markdown control,
 * no `@mention` (a zero-width space after the `@` keeps GitHub from notifying anyone), and no CI
 * runner command.
 */
export function markdownText(text: string): string {
  return runnerSafe(text)
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/@(?=[\p{L}\p{N}_-])/gu, "@\u200B")
    .replace(/\r?\n|\r/g, " ")
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, "&amp;");
}

/**
 * A file's text that no CI runner can read as a command, wherever a line break falls: GitHub
 * Actions reads `::command ...::` at a line's start, Azure Pipelines and the runner's log `##[...]`
 * and `##vso[...]` anywhere. A zero-width space is put between every two adjacent `:` and every two
 * adjacent `#`, so neither pair survives, however the text is wrapped or cut.
 */
export function runnerSafe(text: string): string {
  return text.replace(/:(?=:)/g, ":\u200B").replace(/#(?=#)/g, "#\u200B");
}

// Every control character but none allowed (GitHub's own escaping then handles % CR LF).
const GITHUB_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A file's text for a GitHub workflow command's message: control characters removed (LF kept for the escaping), no runner command. */
export function githubMessageText(text: string): string {
  return runnerSafe(text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ""));
}

/** A file's text for a GitHub workflow command's property (file, title): every control character removed, no runner command. */
export function githubPropertyText(text: string): string {
  return runnerSafe(text.replace(GITHUB_CONTROL, ""));
}
