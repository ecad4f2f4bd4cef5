import { UsageError, type Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { didYouMean } from "../core/suggest.js";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { expandPaths } from "../io/paths.js";
import { readTextFile } from "../io/read.js";
import { packageVersion } from "../io/version.js";
import { fullPath } from "../io/full-path.js";
import type { ParsedDocument } from "../io/yaml.js";
import { chooseLanguage } from "../i18n/language.js";
import { attachModel } from "../render/results.js";
import { BatchCollector, type Batch } from "./batch.js";
import { SORT_KEYS } from "./listing-order.js";
import { batchJsonData, ndjsonAgencyRecord, ndjsonProblemRecord, type BatchJson, type NdjsonRecord } from "./formats/json.js";
import { parseFilters } from "./filter.js";
import { runBatch } from "./pool.js";
import type { FileOutcome, RubricTable } from "./types.js";

/** The options of `score`: the command's flags in camelCase. */
export interface ScoreOptions {
  /** Rubric id or path to score every file with (overrides each file's `rubric:`). */
  rubric?: string;
  /** Roll up by a key of `agency.groups`. */
  groupBy?: string;
  /** Order of the listed agencies: rank (default), name, id, stage, file, or a dimension id. */
  sort?: string;
  /** List only the first n agencies (the roll-ups still count every agency). */
  top?: number;
  /** `key=value` filters, all must hold (see score/filter.ts). */
  filter?: readonly string[];
  /** Language of the texts (default: the rubric's first). */
  lang?: string;
  /** CSV input: a mapping file, `column=target` and `column=value` entries. */
  mapping?: string;
  map?: readonly string[];
  where?: readonly string[];
  /**
   * Streaming (what `--format ndjson` writes): each agency and each problem is handed over as soon as it
   * is scored, in input order, and the result's `results` stays empty (memory stays flat).
   * `--sort` and `--top` do not apply then.
   */
  onRecord?: (record: NdjsonRecord) => void;
  /** Called as files are done (in any order), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Threads that score: this one and `workers - 1` worker threads (default: the machine's parallelism). */
  workers?: number;
  /** Called once every worker thread has started (never when the batch is scored in this thread alone). */
  onThreadsStarted?: () => void;
}

/** What a run gives the CLI: the batch to render, its language, and what was set aside. */
export interface ScoreRun {
  batch: Batch;
  lang: string;
  /** YAML files met inside folders that are not assessments (workflows, policies, rubrics): skipped and counted. */
  skipped: number;
  /** No input file at all (the paths matched nothing): the CLI exits 2 with this problem. */
  noInput?: Problem;
}

/**
 * Where `agency.id` is in a file's document, for a duplicate's error line (line 1 when it cannot be read).
 * The last file's parse is kept: its duplicates come one after another, so a file is parsed once
 * however many of its documents are duplicates.
 */
function agencyLocator(): (file: string, document: number) => { line: number; column: number } {
  let last: { file: string; documents: ParsedDocument[] } | undefined;
  return (file, document) => {
    if (file === "-" || file === "<stdin>") return { line: 1, column: 1 };
    if (last?.file !== file) {
      const read = readTextFile(file);
      last = { file, documents: read.text === undefined ? [] : fullPath().parseYamlStream(read.text, file).documents };
    }
    const parsed = last.documents[document];
    return parsed ? fullPath().locate(parsed, ["agency", "id"]) : { line: 1, column: 1 };
  };
}

function loadOptions(options: ScoreOptions): AssessmentLoadOptions {
  const load: AssessmentLoadOptions = {};
  if (options.rubric !== undefined) load.rubric = options.rubric;
  if (options.mapping !== undefined || options.map !== undefined || options.where !== undefined) {
    load.mapping = {};
    if (options.mapping !== undefined) load.mapping.file = options.mapping;
    if (options.map !== undefined) load.mapping.map = options.map;
    if (options.where !== undefined) load.mapping.where = options.where;
  }
  return load;
}

/**
 * Scores every assessment the paths name (files, folders, globs, `-`) into one batch. Bad input is
 * data (the batch's `errors`); invalid options reject with a UsageError. Never exits the process.
 */
export async function runScore(paths: readonly string[], options: ScoreOptions = {}): Promise<ScoreRun> {
  const filters = parseFilters(options.filter ?? []);
  const top = options.top;
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new UsageError(`--top ${top} is not a positive whole number`, "e.g. --top 10");
  const streaming = options.onRecord !== undefined;
  const sort = options.sort ?? "rank";
  if (streaming && (sort !== "rank" || top !== undefined)) {
    throw new UsageError("--sort and --top do not apply to ndjson: it streams agencies as they are scored", "sort and cut downstream (e.g. with jq), or use --format json");
  }
  if (options.lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(options.lang)) throw new UsageError(`--lang ${options.lang} is not a language code`, "use a code such as en or ar");

  const { files, problems: pathProblems } = expandPaths([...paths]);
  const rubrics: RubricTable = new Map();
  let lang = options.lang ?? "en";
  let langChosen = false;
  const onRecord = options.onRecord;
  const collector = new BatchCollector(rubrics, {
    filters,
    ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}),
    keepResults: !streaming,
    ...(files.length > 0 ? { lastInput: files[files.length - 1]! } : {}),
    locateAgencyId: agencyLocator(),
    onAgency: (agency, rubric) => {
      if (!langChosen) {
        lang = chooseLanguage(options.lang, rubric);
        langChosen = true;
      }
      onRecord?.(ndjsonAgencyRecord(agency, rubric, lang));
    },
    ...(onRecord ? { onProblem: (p: Problem) => onRecord(ndjsonProblemRecord(p)) } : {}),
  });
  collector.addProblems(pathProblems);
  let skipped = 0;
  // Other YAML met inside a folder (a CI workflow, a policy, a rubric) is skipped, and counted.
  const named = new Set(paths);
  // The full path is loaded at delivery only for a duplicate, whose line is found with positions (agencyLocator).
  const needsFullPath = (outcomes: readonly FileOutcome[]) => collector.mayRepeatAnId(outcomes);
  await runBatch(files, { ...loadOptions(options), ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.onThreadsStarted ? { onThreadsStarted: options.onThreadsStarted } : {}), needsFullPath }, rubrics, (outcome) => {
    if (!named.has(outcome.file) && outcome.agencies.length === 0 && outcome.problems.length > 0 && outcome.problems.every((p) => p.code === "NOT_AN_ASSESSMENT")) skipped++;
    else collector.add(outcome);
  });
  const batch = collector.finish(sort, top, lang);
  if (batch.rubric !== null) {
    // A group key that no agency has is a typo, not an empty group.
    const keys = [...collector.groupKeys];
    const used = [...(options.groupBy !== undefined ? [{ key: options.groupBy, option: `--group-by ${options.groupBy}` }] : []), ...filters.filter((f) => f.key !== "stage" && f.key !== "class").map((f) => ({ key: f.key, option: `--filter ${f.key}${f.op}${f.values.join(",")}` }))];
    for (const { key, option } of used) {
      if (!collector.groupKeys.has(key)) throw new UsageError(`${option}: no agency has the group key \`${key}\``, didYouMean(key, keys) ?? (keys.length > 0 ? `group keys in these files: ${keys.join(", ")}` : "these agencies have no `groups`"));
    }
    if (!langChosen) lang = chooseLanguage(options.lang, batch.rubric);
    const dims = batch.rubric.dimensions.map((d) => d.id);
    if (!(SORT_KEYS as readonly string[]).includes(sort) && !dims.includes(sort)) {
      throw new UsageError(`--sort ${sort}: not a sort key or a dimension of rubric ${batch.rubric.id}`, didYouMean(sort, [...SORT_KEYS, ...dims]) ?? `use one of: ${[...SORT_KEYS, ...dims].join(", ")}`);
    }
  }
  const run: ScoreRun = { batch, lang, skipped };
  if (files.length === 0) run.noInput = { code: "NO_INPUT", severity: "error", message: "no assessment file to score", file: paths[0] ?? "<input>", line: 1, column: 1 };
  return run;
}

/**
 * Batch scoring as a library function: the data `score --format json` prints (the CLI's JSON is this
 * object, serialised). Problems with the inputs are in `errors`; invalid options reject with a UsageError.
 * @example
 *   const batch = await score(["assessments/"], { groupBy: "sector", lang: "ar", top: 10 });
 */
export async function score(paths: readonly string[], options: ScoreOptions = {}): Promise<BatchJson> {
  const run = await runScore(paths, options);
  // The model stays attached, so that render("table", data) draws every format of the same run.
  return attachModel(batchJsonData(run.batch, { lang: run.lang, toolVersion: packageVersion() }), { command: "score", model: run.batch, lang: run.lang });
}
