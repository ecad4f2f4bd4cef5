import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { Problem } from "../core/problems.js";
import { LIMITS, nestingDepth, valuesPastLimit } from "./yaml-limits.js";

// Re-exported for the modules that parse YAML anyway; the fast readers import them from yaml-limits.ts.
export { LIMITS, nestingDepth };

/**
 * TOO_MANY_VALUES at the character that passed a limit (`valuesPastLimit`): past `LIMITS.maxValues`
 * (`all`), the file is refused whatever it holds; past `LIMITS.maxPlacedValues`, it is too large to
 * be parsed with positions, which only a file the fast readers decline comes to.
 */
function tooManyValues(text: string, offset: number, file: string, all: boolean): Problem {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const limit = (all ? LIMITS.maxValues : LIMITS.maxPlacedValues).toLocaleString("en");
  const counted = "counted as line ends and `,` `[` `{` `:` `-` `?`";
  return {
    code: "TOO_MANY_VALUES",
    severity: "error",
    message: all
      ? `the file holds more than ${limit} values (${counted}); the limit is ${limit}`
      : `the file holds more than ${limit} values (${counted}): too many to place its problems at their lines, and it is not a valid file in the form the fast reader takes`,
    hint: all ? "an assessment holds a few thousand; split the file (one agency per file), or give many agencies as a CSV table" : "split the file (one agency per file, or a few per file) to see each problem at its line, or give many agencies as a CSV table",
    file,
    line,
    column: offset - lineStart + 1,
  };
}

/**
 * A document without positions, for a file too large to be parsed with them (LIMITS.maxPlacedValues)
 * that the fast readers took: anything placed in it is at line 1, column 1.
 */
export function unplacedDocument(index: number, value: unknown): ParsedDocument {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  return { doc: parseDocument("") as Document.Parsed, lineCounter, index, value };
}

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

/**
 * Parses a YAML stream with source positions. Every syntax problem becomes a Problem with its line
 * and column; custom tags are refused; aliases and nesting are capped.
 */
export function parseYamlStream(text: string, file: string): { documents: ParsedDocument[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const placed = valuesPastLimit(text, LIMITS.maxPlacedValues);
  if (placed >= 0) {
    const all = valuesPastLimit(text, LIMITS.maxValues);
    return { documents: [], problems: [tooManyValues(text, all >= 0 ? all : placed, file, all >= 0)] };
  }
  const { flow, indent, flowAt, indentAt } = nestingDepth(text);
  if (flow > LIMITS.maxDepth || indent > LIMITS.maxDepth * 8) {
    const what = flow > LIMITS.maxDepth ? `collections are nested ${flow} deep` : `a line is indented ${indent} columns deep`;
    lineCounter.addNewLine(0);
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    const at = position(lineCounter, flow > LIMITS.maxDepth ? flowAt : indentAt);
    return { documents: [], problems: [{ code: "NESTING_TOO_DEEP", severity: "error", message: `${what}; the limit is ${LIMITS.maxDepth} levels`, hint: "assessment and rubric files need a handful of levels; this file is not one", file, ...at }] };
  }
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true, schema: "core", customTags: [], merge: false });
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
      problems.push({ code: yamlCode(error.code, error.message), severity: "error", message: yamlMessage(error.code, error.message), file, ...at, document: index, ...yamlHint(error.code) });
    }
    if (problems.length === before) problems.push(...nodeProblems(doc, lineCounter, text, file, index));
    let value: unknown;
    if (problems.length === before) {
      try {
        value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const alias = /alias/i.test(message);
        const at = alias ? firstAlias(doc, lineCounter) : { line: 1, column: 1 };
        problems.push({ code: alias ? "YAML_ALIAS_LIMIT" : "YAML_INVALID", severity: "error", message: alias ? `aliases expand too far (more than ${LIMITS.maxAliasCount}): the file may be an alias bomb` : message, ...(alias ? { hint: "write the values out instead of repeating them through `*aliases`" } : {}), file, ...at, document: index });
      }
    }
    documents.push({ doc, lineCounter, index, value });
  });
  return { documents, problems };
}

/** The core schema's own tags: an explicit `!!str`, `!!int` ... is harmless; every other tag is refused. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Problems of single nodes that the YAML parser accepts but an input must not hold: tags other than
 * the core schema's (`!!binary`, `!!set`, `!!timestamp` resolve to non-plain values; `!!js/function`,
 * `!foo` to nothing), numbers that are not finite (`.nan`, `.inf`, `1e400`), and `__proto__` as a key.
 */
function nodeProblems(doc: Document.Parsed, lineCounter: LineCounter, text: string, file: string, document: number): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node) => ({ file, ...position(lineCounter, node.range?.[0] ?? 0), document });
  // A node's range starts at its value; the tag is the token before it.
  const atTag = (node: Node) => {
    let i = (node.range?.[0] ?? 0) - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    let j = i;
    while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
    return text[j] === "!" ? { file, ...position(lineCounter, j), document } : at(node);
  };
  // Duplicate keys, found with one set per mapping: linear, where the parser's own check is
  // quadratic (50,000 keys took 16 s). Keys are equal as the parser compares them: same scalar value.
  const duplicateKeys = (items: readonly { key: unknown }[]) => {
    const seen = new Set<unknown>();
    for (const pair of items) {
      if (!isScalar(pair.key)) continue;
      const value = pair.key.value;
      if (seen.has(value)) problems.push({ code: "YAML_DUPLICATE_KEY", severity: "error", message: "a key appears twice in the same mapping", hint: "keep one of the two; YAML does not allow repeated keys", ...at(pair.key) });
      else seen.add(value);
    }
  };
  let tooDeep = false;
  visit(doc, {
    Node(_key, node, path) {
      // The pre-parse scan bounds what the parser sees; this counts nesting exactly, on the parsed document.
      if (!tooDeep && (isMap(node) || isSeq(node))) {
        let depth = 1;
        for (const ancestor of path) if (isMap(ancestor) || isSeq(ancestor)) depth++;
        if (depth > LIMITS.maxDepth) {
          tooDeep = true;
          problems.push({ code: "NESTING_TOO_DEEP", severity: "error", message: `collections are nested more than ${LIMITS.maxDepth} deep; the limit is ${LIMITS.maxDepth} levels`, hint: "assessment and rubric files need a handful of levels; this file is not one", ...at(node) });
          return visit.BREAK;
        }
      }
      if (isMap(node)) duplicateKeys(node.items);
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        const shown = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
        problems.push({ code: "YAML_UNKNOWN_TAG", severity: "error", message: `the tag \`${shown}\` is not allowed`, hint: "custom tags (`!!js/function`, `!!binary`, `!foo`) are not allowed: remove the tag and write a plain value", ...atTag(node) });
      }
      if (isScalar(node) && typeof node.value === "number" && !Number.isFinite(node.value)) {
        const source = node.source ?? String(node.value);
        problems.push({ code: "NUMBER_NOT_FINITE", severity: "error", message: `\`${source}\` is not a finite number`, hint: "write a plain number such as 62 or 0.5; `.nan`, `.inf` and numbers beyond 1.8e308 mean nothing in a score", ...at(node) });
      }
    },
    Pair(_key, pair) {
      const key = pair.key;
      if (isScalar(key) && key.value === "__proto__") {
        problems.push({ code: "RESERVED_KEY", severity: "error", message: "`__proto__` cannot be a key: the name is reserved", hint: "rename the key; no rubric or assessment field is called `__proto__`", ...at(key) });
      }
    },
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function firstAlias(doc: Document.Parsed, lineCounter: LineCounter): { line: number; column: number } {
  let found: { line: number; column: number } = { line: 1, column: 1 };
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) found = position(lineCounter, node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}

function yamlCode(code: string, message = ""): string {
  if (/call stack/i.test(message)) return "NESTING_TOO_DEEP";
  if (code === "DUPLICATE_KEY") return "YAML_DUPLICATE_KEY";
  if (code === "TAB_AS_INDENT") return "YAML_TAB_INDENT";
  return "YAML_SYNTAX";
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  const cleaned = first.replace(/ at line \d+, column \d+:?$/, "");
  if (/call stack/i.test(message)) return `collections are nested too deep; the limit is ${LIMITS.maxDepth} levels`;
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

/** Each large mapping's pairs by key (the first of a repeated key), built on its first lookup. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The pair of a mapping whose scalar key equals `segment` (as text), the first if it repeats. A large
 * mapping is indexed once: a search from the start for each problem made 49,000 unknown keys in one
 * mapping take 40 s.
 */
function pairAt(map: YAMLMap, segment: string | number): Pair | undefined {
  if (map.items.length <= 16) return map.items.find((p) => isPair(p) && sameKey(p.key, segment)) as Pair | undefined;
  let index = pairIndex.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const key = String(p.key.value);
      if (!index.has(key)) index.set(key, p as Pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(String(segment));
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
      const pair = pairAt(node, segment);
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

/** Places every problem that has a path at its node in `parsed`. */
export function placeProblems(problems: Problem[], parsed: ParsedDocument | undefined, file: string): Problem[] {
  return problems.map((p) => {
    const placed: Problem = { ...p, file: p.file ?? file };
    if (placed.line === undefined) {
      const at = parsed ? locate(parsed, p.path ?? [], p.atKey ?? false) : { line: 1, column: 1 };
      placed.line = at.line;
      placed.column = at.column;
    }
    if (parsed && parsed.index > 0 && placed.document === undefined) placed.document = parsed.index;
    return placed;
  }).sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) : 0));
}
