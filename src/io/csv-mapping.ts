import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "zod";
import type { Problem } from "../core/problems.js";
import { zodProblems } from "../core/zod-problems.js";
import { readTextFile } from "./read.js";
import { isRubricPath, resolveRubricRef } from "./rubric-load.js";
import { locate, parseYamlStream, placeProblems, type ParsedDocument } from "./yaml.js";

const TargetSchema = z.string().min(1).meta({ description: "`id`, `id-slug`, `name`, `name.<lang>`, `date`, `assessor`, `group.<key>`, `-` (ignore the column), or a criterion id." });
const WhereValue = z.union([z.string(), z.number()]);

/** A mapping file: how the columns of a spreadsheet become assessments. */
export const CsvMappingSchema = z.strictObject({
  rubric: z.string().min(1).optional().meta({ description: "The rubric of every row: id, id@major, id@version, or a path relative to the mapping file." }),
  columns: z
    .record(z.string(), z.union([TargetSchema, z.array(TargetSchema).min(1)]))
    .optional()
    .meta({ description: "Column header → what it holds (one target or several). Unmapped columns are matched by name." }),
  where: z
    .record(z.string(), z.union([WhereValue, z.array(WhereValue).min(1)]))
    .optional()
    .meta({ description: "Keep only rows whose column holds this value (or one of these values); every entry must hold." }),
});
export type CsvMappingFile = z.infer<typeof CsvMappingSchema>;

/** True when a parsed YAML value looks like a mapping file: `columns:` or `where:` at the top, no `agency:`. */
export function isCsvMappingValue(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return ("columns" in value || "where" in value) && !("agency" in value) && !("dimensions" in value);
}

/** The CSV options of a command, as given: a mapping file, `--map col=target` and `--where col=value` entries. */
export interface CsvMappingOptions {
  /** A mapping file (YAML). */
  file?: string;
  /** `column=target` entries (several per string, comma-separated; several targets joined with `+`). */
  map?: readonly string[];
  /** `column=value` row filters. */
  where?: readonly string[];
}

/** What a column holds. */
export type ColumnTarget =
  | { kind: "ignore" }
  | { kind: "id"; slug: boolean }
  | { kind: "name"; lang?: string }
  | { kind: "date" }
  | { kind: "assessor" }
  | { kind: "group"; key: string }
  | { kind: "criterion"; id: string };

/** Where a mapping entry came from, to place its problems. */
export type EntrySource = { from: "file"; parsed: ParsedDocument; file: string; path: (string | number)[] } | { from: "cli"; option: string };

export interface MappingEntry {
  targets: string[];
  source: EntrySource;
}

/** A mapping with every source merged: command-line entries override the file's for the same column. */
export interface CsvMapping {
  /** The rubric reference, resolved to an absolute path when it is a path. */
  rubric?: string;
  /** Column header (trimmed, lower-cased) → its entry. */
  columns: Map<string, MappingEntry & { header: string }>;
  where: Map<string, { header: string; values: string[]; source: EntrySource }>;
}

/** The key a header is matched by: trimmed, lower-cased. */
export function headerKey(header: string): string {
  return header.trim().toLowerCase();
}

/** Parses one target word. Criterion ids are checked later, against the rubric. */
export function parseTarget(target: string): ColumnTarget {
  const t = target.trim();
  const lower = t.toLowerCase();
  if (t === "-" || lower === "ignore") return { kind: "ignore" };
  if (lower === "id" || lower === "agency" || lower === "agency.id") return { kind: "id", slug: false };
  if (lower === "id-slug") return { kind: "id", slug: true };
  if (lower === "name" || lower === "agency.name") return { kind: "name" };
  const name = /^(?:agency\.)?name\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)$/i.exec(t);
  if (name?.[1]) return { kind: "name", lang: name[1].toLowerCase() };
  if (lower === "date") return { kind: "date" };
  if (lower === "assessor") return { kind: "assessor" };
  const group = /^(?:agency\.)?groups?\.(.+)$/i.exec(t);
  if (group?.[1]) return { kind: "group", key: group[1] };
  return { kind: "criterion", id: t };
}

/** Where to point at a mapping entry's problem. */
export function entryPosition(source: EntrySource, atKey = true): Pick<Problem, "file" | "line" | "column"> {
  if (source.from === "cli") return { file: source.option, line: 1, column: 1 };
  return { file: source.file, ...locate(source.parsed, source.path, atKey) };
}

function splitPair(entry: string, option: string, problems: Problem[]): [string, string] | undefined {
  const eq = entry.indexOf("=");
  if (eq <= 0 || eq === entry.length - 1) {
    problems.push({ code: "MAPPING_SYNTAX", severity: "error", message: `\`${entry}\` is not column=value`, hint: `write ${option} "Column header=value", e.g. ${option === "--where" ? '--where "Survey Year=2022"' : '--map "Online Service Index=osi"'}`, file: option, line: 1, column: 1 });
    return undefined;
  }
  return [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()];
}

/** Reads a mapping file and merges the command-line entries over it. Never throws for bad input. */
export function loadCsvMapping(options: CsvMappingOptions, rubricOverride: string | undefined): { mapping: CsvMapping; problems: Problem[] } {
  const problems: Problem[] = [];
  const mapping: CsvMapping = { columns: new Map(), where: new Map() };
  if (options.file !== undefined) {
    const file = options.file;
    const read = readTextFile(file);
    if (read.text === undefined) return { mapping, problems: read.problems };
    const { documents, problems: yamlProblems } = parseYamlStream(read.text, file);
    if (yamlProblems.length > 0) return { mapping, problems: yamlProblems };
    const parsed = documents.find((d) => d.value !== null && d.value !== undefined);
    if (parsed === undefined) return { mapping, problems: [{ code: "EMPTY_FILE", severity: "error", message: "the mapping file is empty", hint: "give `columns:` (header: target) and optionally `rubric:` and `where:`", file, line: 1, column: 1 }] };
    const result = CsvMappingSchema.safeParse(parsed.value);
    if (!result.success) return { mapping, problems: placeProblems(zodProblems(result.error.issues, CsvMappingSchema, parsed.value), parsed, file) };
    const data = result.data;
    // A mapping file is a committed file like an assessment: its `rubric:` path is confined (DESIGN.md §2).
    const confined = data.rubric !== undefined && isRubricPath(data.rubric) ? resolveRubricRef(data.rubric, dirname(resolve(file)), process.cwd()) : undefined;
    if (confined?.problem) return { mapping, problems: placeProblems([{ ...confined.problem, severity: "error", path: ["rubric"] }], parsed, file) };
    if (data.rubric !== undefined) mapping.rubric = isRubricPath(data.rubric) && !isAbsolute(data.rubric) ? resolve(dirname(resolve(file)), data.rubric) : data.rubric;
    for (const [header, target] of Object.entries(data.columns ?? {})) {
      mapping.columns.set(headerKey(header), { header, targets: Array.isArray(target) ? target : [target], source: { from: "file", parsed, file, path: ["columns", header] } });
    }
    for (const [header, value] of Object.entries(data.where ?? {})) {
      mapping.where.set(headerKey(header), { header, values: (Array.isArray(value) ? value : [value]).map((v) => String(v).trim()), source: { from: "file", parsed, file, path: ["where", header] } });
    }
  }
  const fromCli = new Map<string, MappingEntry & { header: string }>();
  for (const option of options.map ?? []) {
    for (const entry of option.split(",").filter((e) => e.trim() !== "")) {
      const pair = splitPair(entry, "--map", problems);
      if (!pair) continue;
      const key = headerKey(pair[0]);
      const targets = pair[1].split("+").map((t) => t.trim()).filter((t) => t !== "");
      const existing = fromCli.get(key);
      if (existing) existing.targets.push(...targets);
      else fromCli.set(key, { header: pair[0], targets, source: { from: "cli", option: "--map" } });
    }
  }
  for (const [key, entry] of fromCli) mapping.columns.set(key, entry);
  for (const entry of options.where ?? []) {
    const pair = splitPair(entry, "--where", problems);
    if (!pair) continue;
    const key = headerKey(pair[0]);
    const existing = mapping.where.get(key);
    if (existing?.source.from === "cli") existing.values.push(pair[1]);
    else mapping.where.set(key, { header: pair[0], values: [pair[1]], source: { from: "cli", option: "--where" } });
  }
  if (rubricOverride !== undefined) mapping.rubric = isRubricPath(rubricOverride) ? resolve(rubricOverride) : rubricOverride;
  return { mapping, problems };
}
