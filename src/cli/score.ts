import { Option, type Command } from "commander";
import { BatchCollector, SORT_KEYS } from "../score/batch.js";
import { parseFilters } from "../score/filter.js";
import { runBatch } from "../score/pool.js";
import type { RubricTable } from "../score/types.js";
import { InputError, UsageError } from "../core/problems.js";
import { didYouMean } from "../core/suggest.js";
import { expandPaths } from "../io/paths.js";
import { readTextFile } from "../io/read.js";
import { locate, parseYamlStream } from "../io/yaml.js";
import { batchJsonChunks, ndjsonAgencyLine, ndjsonProblemLine, ndjsonSummaryLine } from "../score/formats/json.js";
import { batchRenderers } from "../score/formats/index.js";
import { t } from "../i18n/index.js";
import { chooseLanguage, formatOption, optionsOf, rubricOption } from "./common.js";
import { csvLoadOptions, csvOptions, type CsvCliOptions } from "./csv-options.js";
import { emit, renderContext, writeOutput } from "./output.js";
import { progressBar } from "./progress.js";

interface ScoreOptions extends CsvCliOptions {
  format: string;
  rubric?: string;
  groupBy?: string;
  sort?: string;
  top?: string;
  filter?: string[];
}

/** Where `agency.id` is in a file's document (for a duplicate's error line); line 1 when it cannot be read. */
function locateAgencyId(file: string, document: number): { line: number; column: number } {
  if (file === "-") return { line: 1, column: 1 };
  const read = readTextFile(file);
  if (read.text === undefined) return { line: 1, column: 1 };
  const parsed = parseYamlStream(read.text, file).documents[document];
  return parsed ? locate(parsed, ["agency", "id"]) : { line: 1, column: 1 };
}

/** `score <paths...>`: batch scoring — ranked agencies, distributions, dimension statistics, common gaps, group roll-ups. */
export function registerScore(program: Command): void {
  program
    .command("score")
    .summary("rank and roll up many agencies")
    .description("score many agencies at once: a ranked table, stage and class distribution, dimension means and spread, the most common gaps; roll-ups by a group key")
    .argument("<paths...>", "files, directories (recursive, *.yaml / *.yml), globs, or - for standard input; every document of a multi-document file counts")
    .addOption(formatOption(Object.keys(batchRenderers), "table"))
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
  $ egov-maturity score test/fixtures/data/un-egdi-2022.csv --mapping examples/composite/un-egdi-2022.mapping.yaml --top 20

Every good file is scored even when others are bad; the bad ones are listed with file:line:column
and the exit code is then 2.`,
    )
    .action(async (paths: string[], _opts: unknown, command: Command) => {
      const options = optionsOf<ScoreOptions>(command);
      const filters = parseFilters(options.filter ?? []);
      let top: number | undefined;
      if (options.top !== undefined) {
        top = Number(options.top);
        if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top ${options.top} is not a positive whole number`, "e.g. --top 10");
      }
      const streaming = options.format === "ndjson";
      const sort = options.sort ?? "rank";
      if (streaming && (sort !== "rank" || top !== undefined)) {
        throw new UsageError("--sort and --top do not apply to ndjson: it streams agencies as they are scored", "sort and cut downstream (e.g. with jq), or use --format json");
      }
      if (options.lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(options.lang)) throw new UsageError(`--lang ${options.lang} is not a language code`, "use a code such as en or ar");

      const { files, problems: pathProblems } = expandPaths(paths);
      const rubrics: RubricTable = new Map();
      let lang = options.lang ?? "en";
      let streamed: string[] | undefined = streaming && options.output !== undefined ? [] : undefined;
      const write = (line: string) => (streamed ? streamed.push(line) : process.stdout.write(line));
      let langChosen = false;
      const collector = new BatchCollector(rubrics, {
        filters,
        ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}),
        keepResults: !streaming,
        locateAgencyId,
        onAgency: (agency, rubric) => {
          if (!langChosen) {
            lang = chooseLanguage(options.lang, rubric);
            langChosen = true;
          }
          if (streaming) write(ndjsonAgencyLine(agency, rubric, lang));
        },
        ...(streaming ? { onProblem: (p) => write(ndjsonProblemLine(p)) } : {}),
      });
      collector.addProblems(pathProblems);
      let skipped = 0;
      const progress = progressBar(() => lang, !options.quiet);
      try {
        // Other YAML met inside a folder (a CI workflow, a policy, a rubric) is skipped, and counted.
        const named = new Set(paths);
        await runBatch(files, { ...csvLoadOptions(options), onProgress: progress.update }, rubrics, (outcome) => {
          if (!named.has(outcome.file) && outcome.agencies.length === 0 && outcome.problems.length > 0 && outcome.problems.every((p) => p.code === "NOT_AN_ASSESSMENT")) skipped++;
          else collector.add(outcome);
        });
      } finally {
        progress.clear();
      }
      const batch = collector.finish(sort, top, lang);
      if (batch.rubric !== null) {
        // A group key that no agency has is a typo, not an empty group.
        const keys = [...collector.groupKeys];
        const used = [...(options.groupBy !== undefined ? [{ key: options.groupBy, option: `--group-by ${options.groupBy}` }] : []), ...filters.filter((f) => f.key !== "stage" && f.key !== "class").map((f) => ({ key: f.key, option: `--filter ${f.key}${f.op}${f.values.join(",")}` }))];
        for (const { key, option } of used) {
          if (!collector.groupKeys.has(key)) throw new UsageError(`${option}: no agency has the group key \`${key}\``, didYouMean(key, keys) ?? (keys.length > 0 ? `group keys in these files: ${keys.join(", ")}` : "these agencies have no `groups`"));
        }
      }
      if (skipped > 0 && !options.quiet) process.stderr.write(`${t(lang, "batch.skipped", { n: skipped })}\n`);
      if (batch.rubric !== null) {
        if (!langChosen) lang = chooseLanguage(options.lang, batch.rubric);
        const dims = batch.rubric.dimensions.map((d) => d.id);
        if (!(SORT_KEYS as readonly string[]).includes(sort) && !dims.includes(sort)) {
          throw new UsageError(`--sort ${sort}: not a sort key or a dimension of rubric ${batch.rubric.id}`, didYouMean(sort, [...SORT_KEYS, ...dims]) ?? `use one of: ${[...SORT_KEYS, ...dims].join(", ")}`);
        }
      }
      const ctx = renderContext(options, lang);
      if (streaming) {
        write(ndjsonSummaryLine(batch, ctx));
        if (streamed) writeOutput(options.output!, streamed.join(""));
        streamed = undefined;
      } else if (batch.rubric !== null || options.format === "json") {
        if (options.format === "json" && options.output === undefined) for (const chunk of batchJsonChunks(batch, ctx)) process.stdout.write(chunk);
        else emit(batchRenderers[options.format]!(batch, ctx), options);
      }
      if (batch.errors.length > 0) throw new InputError(batch.errors);
      if (files.length === 0) throw new InputError([{ code: "NO_INPUT", severity: "error", message: "no assessment file to score", file: paths[0] ?? "<input>", line: 1, column: 1 }]);
    });
}
