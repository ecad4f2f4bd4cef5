import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import type { Problem } from "../core/problems.js";

/** Caps on what one file may cost. */
export const LIMITS = {
  /** Bytes of one input file. Raise with EGOV_MATURITY_MAX_FILE_MB. */
  maxFileBytes: Number(process.env.EGOV_MATURITY_MAX_FILE_MB ?? 16) * 1024 * 1024,
  /** Alias expansions per document (billion-laughs guard). */
  maxAliasCount: 100,
  /** Nesting depth of collections. */
  maxDepth: 64,
  /** Documents in one stream. */
  maxDocuments: 100_000,
};

/** One parsed YAML document with what is needed to point at its nodes. */
export interface ParsedDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  index: number;
  /** The plain JS value; undefined when the document could not be converted. */
  value: unknown;
}

/** The position (1-based) of a character offset. */
export function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Deepest nesting of flow collections (`[` / `{`), and the deepest indentation of a line: a cheap pre-parse bound. */
export function nestingDepth(text: string): { flow: number; indent: number } {
  let depth = 0;
  let flow = 0;
  let inQuote: string | null = null;
  let indent = 0;
  let lineStart = true;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      lineStart = true;
      column = 0;
      if (inQuote === "'") continue;
      continue;
    }
    if (lineStart) {
      if (ch === " " || ch === "-") {
        column++;
        continue;
      }
      lineStart = false;
      if (ch !== "#" && column > indent) indent = column;
    }
    if (inQuote) {
      if (ch === inQuote) inQuote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const prev = text[i - 1];
      if (prev === undefined || " \t\n[{,:".includes(prev)) inQuote = ch;
    } else if (ch === "#") {
      const prev = text[i - 1];
      if (prev === undefined || prev === " " || prev === "\n") {
        const nl = text.indexOf("\n", i);
        i = nl < 0 ? text.length : nl - 1;
      }
    } else if (ch === "[" || ch === "{") {
      depth++;
      if (depth > flow) flow = depth;
    } else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
  }
  return { flow, indent };
}

/**
 * Parses a YAML stream with source positions. Every syntax problem becomes a Problem with its line
 * and column; custom tags are refused; aliases and nesting are capped.
 */
export function parseYamlStream(text: string, file: string): { documents: ParsedDocument[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { flow, indent } = nestingDepth(text);
  if (flow > LIMITS.maxDepth || indent > LIMITS.maxDepth * 8) {
    const what = flow > LIMITS.maxDepth ? `collections are nested ${flow} deep` : `a line is indented ${indent} columns deep`;
    return { documents: [], problems: [{ code: "NESTING_TOO_DEEP", severity: "error", message: `${what}; the limit is ${LIMITS.maxDepth} levels`, hint: "assessment and rubric files need a handful of levels; this file is not one", file, line: 1, column: 1 }] };
  }
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, schema: "core", customTags: [], merge: false });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // An empty stream.
    return { documents: [], problems };
  }
  if (list.length > LIMITS.maxDocuments) {
    problems.push({ code: "TOO_MANY_DOCUMENTS", severity: "error", message: `the file holds ${list.length} documents; the limit is ${LIMITS.maxDocuments}`, file, line: 1, column: 1 });
    return { documents: [], problems };
  }
  const documents: ParsedDocument[] = [];
  list.forEach((doc, index) => {
    const before = problems.length;
    for (const error of doc.errors) {
      const at = position(lineCounter, error.pos[0]);
      problems.push({ code: yamlCode(error.code), severity: "error", message: yamlMessage(error.code, error.message), file, ...at, document: index, ...yamlHint(error.code) });
    }
    for (const warning of doc.warnings) {
      const at = position(lineCounter, warning.pos[0]);
      if (warning.code === "TAG_RESOLVE_FAILED") {
        problems.push({ code: "YAML_UNKNOWN_TAG", severity: "error", message: yamlMessage(warning.code, warning.message), hint: "custom tags (`!!js/function`, `!!binary`, `!foo`) are not allowed: write plain values", file, ...at, document: index });
      }
    }
    let value: unknown;
    if (problems.length === before) {
      try {
        value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push({ code: /alias/i.test(message) ? "YAML_ALIAS_LIMIT" : "YAML_INVALID", severity: "error", message: /alias/i.test(message) ? `aliases expand too far (more than ${LIMITS.maxAliasCount}): the file may be an alias bomb` : message, file, line: 1, column: 1, document: index });
      }
    }
    documents.push({ doc, lineCounter, index, value });
  });
  return { documents, problems };
}

function yamlCode(code: string): string {
  if (code === "DUPLICATE_KEY") return "YAML_DUPLICATE_KEY";
  if (code === "TAB_AS_INDENT") return "YAML_TAB_INDENT";
  return "YAML_SYNTAX";
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  const cleaned = first.replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return "a key appears twice in the same mapping";
  if (code === "TAB_AS_INDENT") return "tabs are used for indentation";
  return `YAML: ${cleaned.charAt(0).toLowerCase()}${cleaned.slice(1)}`;
}

function yamlHint(code: string): { hint?: string } {
  if (code === "DUPLICATE_KEY") return { hint: "keep one of the two; YAML does not allow repeated keys" };
  if (code === "TAB_AS_INDENT") return { hint: "indent with spaces; YAML forbids tabs for indentation" };
  return {};
}

function sameKey(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}

/**
 * The position of the node at `path` in a document: the value (or, with `atKey`, the key) if it
 * exists, else the deepest ancestor that does. 1-based.
 */
export function locate(parsed: ParsedDocument, path: readonly (string | number)[], atKey = false): { line: number; column: number } {
  let node: Node | null | undefined = parsed.doc.contents as Node | null;
  let best: { line: number; column: number } = node?.range ? position(parsed.lineCounter, node.range[0]) : { line: 1, column: 1 };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && sameKey(p.key, segment));
      if (!pair) return best;
      const keyNode = pair.key as Node | null;
      if (last && atKey && keyNode?.range) return position(parsed.lineCounter, keyNode.range[0]);
      const valueNode = pair.value as Node | null;
      if (valueNode?.range) best = position(parsed.lineCounter, valueNode.range[0]);
      else if (keyNode?.range) best = position(parsed.lineCounter, keyNode.range[0]);
      node = valueNode;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) return best;
      if (item.range) best = position(parsed.lineCounter, item.range[0]);
      node = item;
    } else return best;
  }
  return best;
}
