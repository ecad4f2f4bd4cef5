import { Document, isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import { checkAssessment } from "../core/assessment.js";
import { isAssessmentFile } from "../core/assessment-guard.js";
import type { Problem } from "../core/problems.js";
import type { Criterion, Rubric } from "../core/rubric.js";
import { didYouMean } from "../core/suggest.js";
import { loadAssessmentDocument, type AssessmentLoad, type AssessmentLoadOptions, type LoadedAssessment } from "./assessment-load.js";
import { csvRecords, type CsvCell, type CsvRecord } from "./csv.js";
import { entryPosition, headerKey, loadCsvMapping, parseTarget, type ColumnTarget, type CsvMapping } from "./csv-mapping.js";
import { readTextFile } from "./read.js";
import { loadRubric } from "./rubric-load.js";
import type { ParsedDocument } from "./yaml.js";

/** The reason given to a cell that says N/A. */
export const CSV_NA_REASON = "N/A in source table";

const NA_CELL = /^(n\/?a|n\.a\.?|not applicable|غير منطبق|لا ينطبق)$/i;
// No backtracking: the digits before and after the dot cannot trade places (a 60 KB cell is linear).
const NUMBER_CELL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const YES = /^(yes|y|true|1|نعم)$/i;
const NO = /^(no|n|false|0|لا)$/i;
const AGENCY_ID = /^[A-Za-z0-9._-]+$/;

/** True when a path names a spreadsheet (CSV) input. */
export function isCsvPath(file: string): boolean {
  return /\.(csv|tsv)$/i.test(file);
}

/** An id made of a free text: accents dropped, every run of other characters a `-`, lower-case. */
export function slugId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

interface Column {
  header: string;
  index: number;
  targets: ColumnTarget[];
}

/** Resolves every column of the header to its targets; every problem at its header cell or mapping entry. */
function resolveColumns(header: CsvCell[], mapping: CsvMapping, rubric: Rubric, file: string): { columns: Column[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const columns: Column[] = [];
  const seen = new Map<string, CsvCell>();
  const criteria = [...rubric.criteria.keys()];
  const criterionByKey = new Map(criteria.map((id) => [id.toLowerCase(), id]));
  const claimed = new Map<string, string>();
  for (const cell of header) {
    const at = { severity: "error" as const, file, line: cell.line, column: cell.column };
    const key = headerKey(cell.value);
    const first = seen.get(key);
    if (first) {
      problems.push({ ...at, code: "CSV_DUPLICATE_COLUMN", message: `the column \`${cell.value.trim()}\` appears twice (also column ${first.column})`, hint: "rename one of them" });
      continue;
    }
    seen.set(key, cell);
    const entry = mapping.columns.get(key);
    let targets: ColumnTarget[];
    if (entry) {
      targets = [];
      for (const word of entry.targets) {
        const target = parseTarget(word);
        if (target.kind === "criterion") {
          const id = criterionByKey.get(target.id.toLowerCase());
          if (id === undefined) {
            const where = entry.source.from === "cli" ? at : { ...at, ...entryPosition(entry.source, false) };
            problems.push({ ...where, code: "UNKNOWN_CRITERION", message: `the column \`${cell.value.trim()}\` is mapped to \`${target.id}\`, which is not a criterion of rubric ${rubric.id}@${rubric.version}`, hint: didYouMean(target.id, criteria) ?? `criteria: ${criteria.join(", ")}; or id, id-slug, name, date, assessor, group.<key>, - (ignore)` });
            continue;
          }
          targets.push({ kind: "criterion", id });
        } else targets.push(target);
      }
    } else {
      const byName = parseTarget(cell.value);
      const id = criterionByKey.get(key);
      if (id !== undefined) targets = [{ kind: "criterion", id }];
      else if (byName.kind !== "criterion" && byName.kind !== "ignore" && key !== "agency") targets = [byName];
      else if (key === "agency") targets = [{ kind: "id", slug: false }];
      else {
        const titled = [...rubric.criteria.values()].find((c) => (typeof c.title === "string" ? [c.title] : Object.values(c.title)).some((title) => title.trim().toLowerCase() === key));
        const suggestion = titled === undefined ? didYouMean(key, criteria) : undefined;
        const name = cell.value.trim();
        const hint = titled !== undefined ? `it is the title of criterion \`${titled.id}\`: --map "${name}=${titled.id}"` : `${suggestion ? `${suggestion} ` : ""}map it: --map "${name}=<criterion id>", or ignore it: --map "${name}=-"`;
        problems.push({ ...at, code: "UNKNOWN_COLUMN", message: `the column \`${name}\` is neither a criterion of rubric ${rubric.id} nor an agency field`, hint: `${hint} (or in a mapping file's \`columns:\`)` });
        continue;
      }
    }
    for (const target of targets) {
      const slot = target.kind === "criterion" ? `criterion ${target.id}` : target.kind === "name" ? `name ${target.lang ?? ""}` : target.kind === "group" ? `group ${target.key}` : target.kind === "id" || target.kind === "ignore" ? "" : target.kind;
      if (slot === "") continue;
      const other = claimed.get(slot);
      if (other !== undefined) problems.push({ ...at, code: "CSV_COLUMN_CONFLICT", message: `the columns \`${other}\` and \`${cell.value.trim()}\` both give the ${slot.replace(/ $/, "")}`, hint: "map one of them to `-` to ignore it" });
      else claimed.set(slot, cell.value.trim());
    }
    columns.push({ header: cell.value.trim(), index: cell.column - 1, targets });
  }
  for (const [key, entry] of mapping.columns) {
    if (!seen.has(key)) problems.push({ severity: "error", ...entryPosition(entry.source), code: "MAPPING_UNKNOWN_COLUMN", message: `the mapping names a column \`${entry.header}\` that the table does not have`, hint: didYouMean(entry.header, header.map((h) => h.value.trim())) ?? `columns: ${header.map((h) => h.value.trim()).join(", ")}` });
  }
  for (const [key, where] of mapping.where) {
    if (!seen.has(key)) problems.push({ severity: "error", ...entryPosition(where.source), code: "MAPPING_UNKNOWN_COLUMN", message: `the row filter names a column \`${where.header}\` that the table does not have`, hint: didYouMean(where.header, header.map((h) => h.value.trim())) ?? `columns: ${header.map((h) => h.value.trim()).join(", ")}` });
  }
  if (problems.length === 0 && !columns.some((c) => c.targets.some((t) => t.kind === "id"))) {
    problems.push({ severity: "error", file, line: header[0]?.line ?? 1, column: 1, code: "CSV_NO_ID_COLUMN", message: "no column gives the agency's id", hint: 'name a column `id`, or map one: --map "Country=id" (kept as it is) or --map "Country Name=id-slug" (made an id: "Côte d\'Ivoire" → cote-d-ivoire)' });
  }
  return { columns, problems };
}

/** The answer a cell gives a criterion: a value for the assessment's `answers`, or a problem. */
function cellAnswer(cell: CsvCell, criterion: Criterion, rubric: Rubric, header: string): { answer?: unknown; problem?: string; hint?: string } {
  const text = cell.value.trim();
  if (text === "") return { answer: null };
  if (NA_CELL.test(text)) return { answer: { na: CSV_NA_REASON } };
  const what = `column \`${header}\` (${criterion.id})`;
  if (criterion.type === "number") {
    if (NUMBER_CELL.test(text)) return { answer: Number(text) };
    return { problem: `${what} expects a number, got ${JSON.stringify(text)}`, hint: `write a plain number such as 62 or 0.5 (a dot for decimals, no unit)${criterion.unit ? `; the unit is ${criterion.unit}` : ""}; N/A or an empty cell are allowed` };
  }
  if (criterion.type === "boolean") {
    if (YES.test(text)) return { answer: true };
    if (NO.test(text)) return { answer: false };
    return { problem: `${what} expects yes or no, got ${JSON.stringify(text)}`, hint: "write yes, no, true, false, 1 or 0; N/A or an empty cell are allowed" };
  }
  if (/^\d+$/.test(text)) return { answer: Number(text) };
  const lower = text.toLowerCase();
  const byLabel = rubric.scale.find((s) => (typeof s.label === "string" ? [s.label] : Object.values(s.label)).some((l) => l.toLowerCase() === lower));
  if (byLabel) return { answer: byLabel.value };
  return { problem: `${what} expects a level, got ${JSON.stringify(text)}`, hint: `write a level (${rubric.scale.map((s) => s.value).join(", ")}) or its label; N/A or an empty cell are allowed` };
}

/** A YAML document of a row's assessment whose positions point back at the CSV cells it came from. */
function rowDocument(value: Record<string, unknown>, cells: ReadonlyMap<string, CsvCell>, rowLine: number): ParsedDocument {
  const text = new Document(value).toString();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = new Map<number, { line: number; col: number }>();
  for (const [dotted, cell] of cells) {
    let node: Node | null = doc.contents as Node | null;
    for (const segment of dotted.split("\u0000")) {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const key = pair.key as Node | null;
      const val = pair.value as Node | null;
      for (const n of [key, val]) if (n?.range) at.set(n.range[0], { line: cell.line, col: cell.column });
      node = val;
    }
    // The `na` inside an N/A answer points at the same cell.
    if (isMap(node)) for (const p of node.items) for (const n of [p.key as Node | null, p.value as Node | null]) if (n?.range) at.set(n.range[0], { line: cell.line, col: cell.column });
  }
  lineCounter.linePos = (offset: number) => at.get(offset) ?? { line: rowLine, col: 1 };
  return { doc, lineCounter, index: 0, value: doc.toJS() };
}

/** A row's document, built on first use of its YAML nodes or positions. */
function lazyRowDocument(value: Record<string, unknown>, cells: ReadonlyMap<string, CsvCell>, rowLine: number): ParsedDocument {
  let built: ParsedDocument | undefined;
  const get = () => (built ??= rowDocument(value, cells, rowLine));
  return {
    index: 0,
    value,
    get doc() {
      return get().doc;
    },
    get lineCounter() {
      return get().lineCounter;
    },
  };
}

/** Reads assessments from CSV text: one per row, through the mapping. Never throws for bad input. */
export function loadAssessmentCsvText(text: string, file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  const assessments: LoadedAssessment[] = [];
  const { problems, rejected } = loadAssessmentCsvRows(text, file, options, (a) => assessments.push(a));
  return { assessments: rejected ? [] : assessments, problems };
}

/**
 * The rows of a CSV table one by one: each valid row's assessment is handed to `onRow` as soon as it is
 * read, so that a large table is never held whole (cells, documents or assessments). `rejected`: the
 * table has a syntax problem, and every row handed over must be dropped (the problems say why).
 */
export function loadAssessmentCsvRows(text: string, file: string, options: AssessmentLoadOptions, onRow: (assessment: LoadedAssessment) => void): { problems: Problem[]; rejected: boolean } {
  const { mapping, problems: mappingProblems } = loadCsvMapping(options.mapping ?? {}, options.rubric);
  if (mappingProblems.length > 0) return { problems: mappingProblems, rejected: true };
  const csvProblems: Problem[] = [];
  const records = csvRecords(text, file, csvProblems);
  // A syntax problem anywhere in the table comes before any other: the rest is read to find one.
  const fail = (problems: Problem[]) => {
    for (const _record of records);
    return { problems: csvProblems.length > 0 ? csvProblems : problems, rejected: true };
  };
  const headerRecord = nextRecord(records);
  const firstRow = nextRecord(records);
  if (headerRecord === undefined || firstRow === undefined) {
    return fail([{ code: "EMPTY_FILE", severity: "error", message: headerRecord === undefined ? "the table is empty" : "the table has a header but no rows", hint: "one row per agency, under a header naming the columns", file, line: 1, column: 1 }]);
  }
  if (mapping.rubric === undefined) {
    return fail([{ code: "RUBRIC_MISSING", severity: "error", message: "a table names no rubric", hint: "pass `--rubric <id or path>`, or give `rubric:` in the mapping file", file, line: 1, column: 1 }]);
  }
  const loaded = loadRubric(mapping.rubric);
  if (loaded.problem) return fail([{ ...loaded.problem, severity: "error", file: options.mapping?.file ?? file, line: 1, column: 1 }]);
  if (!loaded.rubric) return fail(loaded.problems);
  const rubric = loaded.rubric;
  const { columns, problems } = resolveColumns(headerRecord.cells, mapping, rubric, file);
  if (problems.length > 0) return fail(problems);

  const width = headerRecord.cells.length;
  const where = [...mapping.where.values()].map((w) => ({ index: headerRecord.cells.findIndex((c) => headerKey(c.value) === headerKey(w.header)), values: w.values }));
  let delivered = 0;
  const deliver = (a: LoadedAssessment) => {
    a.document = delivered++;
    onRow(a);
  };
  const firstLineOf = new Map<string, number>();
  const eachRow = (row: CsvRecord) => {
    // Spreadsheets export trailing rows of empty cells (",,,,"): no agency there.
    if (row.cells.every((c) => c.value.trim() === "")) return;
    if (!where.every((w) => w.values.includes(row.cells[w.index]?.value.trim() ?? ""))) return;
    const rowProblems: Problem[] = [];
    const at = (cell: CsvCell) => ({ severity: "error" as const, file, line: cell.line, column: cell.column });
    if (row.cells.length !== width) {
      const last = row.cells[Math.min(row.cells.length, width) - 1]!;
      problems.push({ ...at(last), code: "CSV_FIELD_COUNT", message: `the row has ${row.cells.length} cells; the header has ${width}`, hint: row.cells.length > width ? "a cell holding the delimiter must be quoted" : "every row needs a cell for every column (empty is fine)" });
      return;
    }
    const idParts: string[] = [];
    let idCell: CsvCell | undefined;
    const agency: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    const groups: Record<string, string> = {};
    const answers: Record<string, unknown> = {};
    const value: Record<string, unknown> = { rubric: mapping.rubric, agency };
    const cellsAt = new Map<string, CsvCell>();
    const sep = "\u0000";
    for (const column of columns) {
      const cell = row.cells[column.index]!;
      const text = cell.value.trim();
      for (const target of column.targets) {
        switch (target.kind) {
          case "ignore":
            break;
          case "id": {
            const id = target.slug ? slugId(text) : text;
            if (id === "") rowProblems.push({ ...at(cell), code: "CSV_EMPTY_ID", message: `the agency id in column \`${column.header}\` is empty`, hint: "every row needs an agency id" });
            else if (!AGENCY_ID.test(id)) rowProblems.push({ ...at(cell), code: "AGENCY_ID_INVALID", message: `the agency id ${JSON.stringify(text)} in column \`${column.header}\` holds characters other than letters, digits, \`.\`, \`_\` and \`-\``, hint: `map the column to \`id-slug\` to make an id of it (${JSON.stringify(slugId(text))})` });
            idParts.push(id);
            idCell ??= cell;
            break;
          }
          case "name":
            if (text !== "") {
              names[target.lang ?? ""] = text;
              cellsAt.set(["agency", "name", ...(target.lang ? [target.lang] : [])].join(sep), cell);
            }
            break;
          case "group":
            if (text !== "") {
              groups[target.key] = text;
              cellsAt.set(["agency", "groups", target.key].join(sep), cell);
            }
            break;
          case "date":
          case "assessor":
            if (text !== "") {
              value[target.kind] = text;
              cellsAt.set(target.kind, cell);
            }
            break;
          case "criterion": {
            const criterion = rubric.criteria.get(target.id)!;
            const answer = cellAnswer(cell, criterion, rubric, column.header);
            if (answer.problem !== undefined) rowProblems.push({ ...at(cell), code: "WRONG_ANSWER_TYPE", message: answer.problem, ...(answer.hint ? { hint: answer.hint } : {}) });
            else if (answer.answer !== null) {
              answers[target.id] = answer.answer;
              cellsAt.set(["answers", target.id].join(sep), cell);
            }
            break;
          }
        }
      }
    }
    const id = idParts.join("-");
    if (rowProblems.length === 0 && idCell) {
      const first = firstLineOf.get(id);
      if (first !== undefined) rowProblems.push({ ...at(idCell), code: "DUPLICATE_AGENCY", message: `agency \`${id}\` appears again (first on line ${first})`, hint: "give each row its own id: map a second column to `id` too (the parts are joined with `-`), or keep one set of rows with --where" });
      else firstLineOf.set(id, row.line);
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }
    agency.id = id;
    if (idCell) cellsAt.set(["agency", "id"].join(sep), idCell);
    const langs = Object.keys(names);
    if (langs.length === 1 && langs[0] === "") agency.name = names[""];
    else if (langs.length > 0) agency.name = Object.fromEntries(langs.map((l) => [l === "" ? (rubric.languages[0] ?? "en") : l, names[l]!]));
    if (Object.keys(groups).length > 0) agency.groups = groups;
    value.answers = answers;
    // The common case, a valid row, needs neither the YAML round trip nor the rubric lookup per row:
    // the same checks as loadAssessmentDocument, with the rubric loaded once; the row's document is
    // built only when something asks for a position.
    if (isAssessmentFile(value)) {
      const checked = checkAssessment(value, rubric);
      if (checked.problems.length === 0) {
        deliver({ file, document: 0, assessment: checked.assessment, rubric, parsed: lazyRowDocument(value, cellsAt, row.line) });
        return;
      }
    }
    const parsed = rowDocument(value, cellsAt, row.line);
    const result = loadAssessmentDocument(parsed, file, { rubric: mapping.rubric! });
    problems.push(...result.problems.map(({ document: _d, ...p }) => p));
    if (result.loaded) deliver(result.loaded);
  };
  eachRow(firstRow);
  for (const row of records) eachRow(row);
  if (csvProblems.length > 0) return { problems: csvProblems, rejected: true };
  if (problems.length === 0 && delivered === 0) {
    problems.push({ code: "CSV_NO_ROWS_SELECTED", severity: "error", message: "no row of the table matches the row filter", hint: [...mapping.where.values()].map((w) => `${w.header} = ${w.values.join(" or ")}`).join("; "), file, line: 1, column: 1 });
  }
  return { problems, rejected: false };
}

function nextRecord(records: Iterator<CsvRecord>): CsvRecord | undefined {
  const next = records.next();
  return next.done ? undefined : next.value;
}

/** Reads and validates every row of a CSV file as an assessment. Never throws for bad input. */
export function loadAssessmentCsv(file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  const read = readTextFile(file);
  if (read.text === undefined) return { assessments: [], problems: read.problems };
  return loadAssessmentCsvText(read.text, file, options);
}
