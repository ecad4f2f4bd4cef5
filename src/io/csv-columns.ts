import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { didYouMean } from "../core/suggest.js";
import type { CsvCell } from "./csv.js";
import { entryPosition, headerKey, parseTarget, type ColumnTarget, type CsvMapping } from "./csv-mapping.js";

/** A column of a table: its header, its position (0-based) and what it gives the row's assessment. */
export interface Column {
  header: string;
  index: number;
  targets: ColumnTarget[];
}

/** Resolves every column of the header to its targets; every problem at its header cell or mapping entry. */
export function resolveColumns(header: CsvCell[], mapping: CsvMapping, rubric: Rubric, file: string): { columns: Column[]; problems: Problem[] } {
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

/** What reading a table's rows needs, worked out once from its header: every row is read with it. */
export interface CsvTableContext {
  file: string;
  rubric: Rubric;
  /** The rubric reference every row's assessment names (`rubric:`). */
  rubricRef: string;
  columns: Column[];
  /** Cells in the header: every row must have as many. */
  width: number;
  /** The row filters: the column's position and the values it may hold. */
  where: { index: number; values: readonly string[] }[];
}

/** The context of a table from its header, or the problems of its columns and mapping. */
export function tableContext(header: CsvCell[], mapping: CsvMapping, rubric: Rubric, rubricRef: string, file: string): { table?: CsvTableContext; problems: Problem[] } {
  const { columns, problems } = resolveColumns(header, mapping, rubric, file);
  if (problems.length > 0) return { problems };
  const where = [...mapping.where.values()].map((w) => ({ index: header.findIndex((c) => headerKey(c.value) === headerKey(w.header)), values: w.values }));
  return { table: { file, rubric, rubricRef, columns, width: header.length, where }, problems: [] };
}
