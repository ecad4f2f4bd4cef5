import { setFlagsFromString } from "node:v8";
import { Option, type Command } from "commander";
import { isCsvPath, isXlsxPath } from "../io/input-kind.js";
import { SORT_KEYS } from "../score/listing-order.js";
import { runScore, type ScoreOptions } from "../score/run.js";
import { InputError, UsageError } from "../core/problems.js";
import { ndjsonSummaryLine, type NdjsonRecord } from "../score/formats/json.js";
import { SCORE_BINARY_FORMATS, SCORE_TEXT_FORMATS, scoreWriter } from "../score/formats/lazy.js";
import { plural, t } from "../i18n/index.js";
import { formatOption, optionsOf, rubricOption } from "./common.js";
import { csvOptions, type CsvCliOptions } from "./csv-options.js";
import { emit, emitBytes, outputStream, refuseTerminal, renderContext, type GlobalOptions, type OutputStream } from "./output.js";
import { progressBar } from "./progress.js";

interface ScoreCliOptions extends CsvCliOptions {
  format: string;
  rubric?: string;
  groupBy?: string;
  sort?: string;
  top?: string;
  filter?: string[];
}

/** The flags as the library's options. */
function scoreOptions(options: ScoreCliOptions & GlobalOptions): ScoreOptions {
  const out: ScoreOptions = {};
  if (options.top !== undefined) {
    const top = Number(options.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top ${options.top} is not a positive whole number`, "e.g. --top 10");
    out.top = top;
  }
  for (const key of ["rubric", "groupBy", "sort", "filter", "lang", "mapping", "map", "where"] as const) {
    if (options[key] !== undefined) (out as Record<string, unknown>)[key] = options[key];
  }
  return out;
}

/**
 * Holds V8's young generation at the size it has. V8 doubles it whenever the bytes that survived
 * scavenges since the last doubling exceed its size, which a long batch always reaches (what is in
 * flight between the threads, the agencies kept): the main thread's went from 8 to 32 MB between
 * 2,000 and 20,000 files, a quarter of the batch's peak memory, for no gain in time (npm run bench).
 * A growth factor of 1 stops the doubling. V8 sets the factor back to 2 whenever a thread's isolate
 * starts (it clamps it in Heap::ConfigureHeap), so it is set again once the batch's workers are up.
 * Not for a table (CSV, workbook): its rows come back in pieces of 1,024 agencies, which each
 * scavenge of a small young generation would copy (200,000 rows: 3–5 % slower), and its memory is
 * bounded by those pieces already.
 */
function holdYoungGeneration(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** `score <paths...>`: batch scoring — ranked agencies, distributions, dimension statistics, common gaps, group roll-ups. */
export function registerScore(program: Command): void {
  program
    .command("score")
    .summary("rank and roll up many agencies")
    .description("score many agencies at once: a ranked table, stage and class distribution, dimension means and spread, the most common gaps; roll-ups by a group key")
    .argument("<paths...>", "files, directories (recursive, *.yaml / *.yml), globs, or - for standard input; every document of a multi-document file counts")
    .addOption(formatOption([...SCORE_TEXT_FORMATS, ...SCORE_BINARY_FORMATS], "table"))
    .addOption(rubricOption("rubric id or path to score every file with (overrides each file's `rubric:`)"))
    .addOption(new Option("-g, --group-by <key>", "roll up by a key of agency.groups (sector, region, ...) and compare the groups"))
    .addOption(new Option("-s, --sort <key>", `order of the listed agencies: ${SORT_KEYS.join(", ")}, or a dimension id (highest first); ranks stay by index`).default("rank"))
    .addOption(new Option("-n, --top <n>", "list only the first n agencies (the roll-ups still count every agency)"))
    .addOption(
      new Option("--filter <key=value>", "keep only matching agencies (repeatable, all must hold): sector=health, region=north,south, class!=low, stage=execution, stage>=interaction").argParser(
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      ),
    )
    .addOption(csvOptions()[0])
    .addOption(csvOptions()[1])
    .addOption(csvOptions()[2])
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity score examples/*.yaml
  $ egov-maturity score "assessments/**/*.yaml" --group-by sector
  $ egov-maturity score assessments/ --filter sector=health --top 10
  $ egov-maturity score assessments/ --group-by region --format html --output agencies.html
  $ egov-maturity score assessments/ --format ndjson | jq -c 'select(.type == "agency")'
  $ egov-maturity score assessments/ --format csv --output agencies.csv
  $ egov-maturity score returned/*.xlsx --group-by sector --format xlsx --output ranking.xlsx
  $ egov-maturity score test/fixtures/data/un-egdi-2022.csv --mapping examples/composite/un-egdi-2022.mapping.yaml --top 20

Every good file is scored even when others are bad; the bad ones are listed with file:line:column
and the exit code is then 2.`,
    )
    .action(async (paths: string[], _opts: unknown, command: Command) => {
      // A batch makes much short-lived garbage, some of it promoted: by default V8 lets the old
      // generation grow to several times what is live before a full collection. Growing it by half
      // keeps a large batch's peak memory near a small one's at no measurable cost in time (npm run
      // bench: peak RSS of 20,000 files against 2,000). The command's own process, every thread.
      setFlagsFromString("--heap-growing-percent=50");
      const files = !paths.some((p) => isCsvPath(p) || isXlsxPath(p));
      if (files) holdYoungGeneration();
      const options = optionsOf<ScoreCliOptions>(command);
      const binary = (SCORE_BINARY_FORMATS as readonly string[]).includes(options.format);
      if (binary) refuseTerminal(options, options.format);
      const streaming = options.format === "ndjson";
      // ndjson goes out as agencies are scored: to stdout, or to the --output file as it grows.
      const stream: OutputStream | undefined = streaming ? outputStream(options) : undefined;
      let lang = options.lang ?? "en";
      const progress = progressBar(() => lang, !options.quiet);
      let run;
      try {
        run = await runScore(paths, {
          ...scoreOptions(options),
          ...(stream ? { onRecord: (record: NdjsonRecord) => stream.write(`${JSON.stringify(record)}\n`) } : {}),
          onProgress: progress.update,
          ...(files ? { onThreadsStarted: holdYoungGeneration } : {}),
        });
      } catch (error) {
        stream?.abort();
        throw error;
      } finally {
        progress.clear();
      }
      const { batch } = run;
      lang = run.lang;
      if (run.skipped > 0 && !options.quiet) process.stderr.write(`${plural(lang, "batch.skipped", run.skipped)}\n`);
      const ctx = renderContext(options, lang);
      if (stream) {
        stream.write(ndjsonSummaryLine(batch, ctx));
        stream.end();
      } else if (batch.rubric !== null || options.format === "json") {
        // The format's module is loaded only now: a batch does not wait for renderers it does not use.
        const writer = await scoreWriter(options.format);
        if (writer === undefined) throw new Error(`internal: no writer for --format ${options.format}`);
        if ("chunks" in writer) emit(writer.chunks(batch, ctx), options);
        else if ("binary" in writer) emitBytes(await writer.binary(batch, ctx), options, options.format);
        else emit(writer.text(batch, ctx), options);
      }
      if (batch.errors.length > 0) throw new InputError(batch.errors);
      if (run.noInput) throw new InputError([run.noInput]);
    });
}
