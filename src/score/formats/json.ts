import type { Rubric } from "../../core/rubric.js";
import type { Batch, RankedAgency } from "../batch.js";
import type { Rollup } from "../rollup.js";
import type { AgencyResult } from "../types.js";
import type { Problem } from "../../core/problems.js";
import { batchTexts } from "./common.js";
import type { RenderContext } from "../../render/context.js";

/** Version of the batch JSON contract (json and ndjson). */
export const BATCH_SCHEMA_VERSION = 1;

/** The text lookup of the last rubric and language asked for: one per batch, not one per agency. */
let lastTexts: { rubric: Rubric; lang: string; texts: ReturnType<typeof batchTexts> } | undefined;

function textsOf(rubric: Rubric, lang: string): ReturnType<typeof batchTexts> {
  if (lastTexts?.rubric !== rubric || lastTexts.lang !== lang) lastTexts = { rubric, lang, texts: batchTexts(rubric, lang) };
  return lastTexts.texts;
}

/** One agency as JSON: every score a full-precision fraction; `rank` only when ranked. */
export function agencyJson(agency: AgencyResult | RankedAgency, rubric: Rubric, lang: string): Record<string, unknown> {
  const x = textsOf(rubric, lang);
  const dimensions: Record<string, number | null> = {};
  rubric.dimensions.forEach((d, i) => (dimensions[d.id] = agency.dimensions[i] ?? null));
  const weakestAt = rubric.dimensions.findIndex((d) => d.id === agency.weakest);
  const body = {
    id: agency.id,
    name: agency.name === undefined ? null : x.text(agency.name),
    groups: agency.groups,
    file: agency.file,
    document: agency.document,
    index: agency.index,
    classification: agency.classification === null ? null : { id: agency.classification, label: x.classLabel(agency.classification) },
    stage: {
      current: agency.stage,
      currentTitle: agency.stage === null ? null : x.dimTitle(agency.stage),
      next: agency.next,
      nextTitle: agency.next === null ? null : x.dimTitle(agency.next),
      blockedBy: agency.blockedBy,
      pendingGates: agency.pendingGates,
    },
    weakest: agency.weakest === null ? null : { dimension: agency.weakest, title: x.dimTitle(agency.weakest), score: agency.dimensions[weakestAt] ?? null },
    dimensions,
  };
  // Object.assign, not a spread of `{ rank }`: the spread made V8 keep (promote) every object built
  // here, and a 200,000-agency batch's output phase then grew the heap by hundreds of MB.
  return "rank" in agency ? Object.assign({ rank: agency.rank }, body) : body;
}

/** A roll-up as JSON. */
export function rollupJson(rollup: Rollup, rubric: Rubric, lang: string): Record<string, unknown> {
  const x = batchTexts(rubric, lang);
  return {
    agencies: rollup.agencies,
    index: rollup.index,
    stages: rollup.stages.map((s) => ({ id: s.id, title: x.dimTitle(s.id), count: s.count })),
    classes: rollup.classes.map((c) => ({ id: c.id, label: x.classLabel(c.id), count: c.count })),
    dimensions: rollup.dimensions.map((d) => {
      const dim = rubric.dimensions.find((r) => r.id === d.id);
      return { id: d.id, title: x.dimTitle(d.id), kind: dim?.kind ?? null, count: d.count, mean: d.mean, sd: d.sd, min: d.min, max: d.max };
    }),
    commonGaps: rollup.commonGaps.map((g) => ({ criterion: g.criterion, title: x.criterionTitle(g.criterion), dimension: g.dimension, agencies: g.agencies, share: g.share })),
  };
}

/** A problem as JSON (no internal path). */
export function problemJson(p: Problem): Record<string, unknown> {
  const { path: _p, atKey: _k, ...rest } = p;
  return rest;
}

/** What the JSON of a batch depends on besides the batch. */
type JsonContext = Pick<RenderContext, "lang" | "toolVersion">;

/** The batch's header fields, shared by json and the ndjson summary line. */
function head(batch: Batch, ctx: JsonContext): Record<string, unknown> {
  const rubric = batch.rubric;
  return {
    schemaVersion: BATCH_SCHEMA_VERSION,
    tool: { name: "egov-maturity", version: ctx.toolVersion },
    language: ctx.lang,
    rubric: rubric === null ? null : { id: rubric.id, version: rubric.version, digest: rubric.digest ?? null, title: batchTexts(rubric, ctx.lang).text(rubric.title) },
    files: batch.files,
    agencies: batch.agencies,
  };
}

function tail(batch: Batch, ctx: JsonContext): Record<string, unknown> {
  const rubric = batch.rubric;
  return {
    summary: rubric === null || batch.summary === null ? null : rollupJson(batch.summary, rubric, ctx.lang),
    groups:
      rubric === null || batch.groupBy === null
        ? null
        : { key: batch.groupBy, groups: batch.groups.map((g) => ({ value: g.value, rank: g.rank, ...rollupJson(g.rollup, rubric, ctx.lang) })) },
  };
}

/** The data of `--format json` (what the library's `score()` returns). */
export interface BatchJson {
  schemaVersion: number;
  tool: { name: string; version: string };
  language: string;
  rubric: { id: string; version: string; title: string } | null;
  files: number;
  agencies: number;
  results: Record<string, unknown>[];
  errors: Record<string, unknown>[];
  summary: Record<string, unknown> | null;
  groups: { key: string; groups: Record<string, unknown>[] } | null;
}

/** The whole batch as data: `JSON.parse` of `--format json` equals it. */
export function batchJsonData(batch: Batch, ctx: JsonContext): BatchJson {
  const rubric = batch.rubric;
  return {
    ...head(batch, ctx),
    results: rubric === null ? [] : batch.results.map((a) => agencyJson(a, rubric, ctx.lang)),
    errors: batch.errors.map(problemJson),
    ...tail(batch, ctx),
  } as unknown as BatchJson;
}

/**
 * `--format json`: the whole batch — results (ranked, in listing order), errors, summary, groups.
 * Written one result per line inside the array so that a large batch streams into a pipe or file.
 */
export function renderBatchJson(batch: Batch, ctx: RenderContext): string {
  return [...batchJsonChunks(batch, ctx)].join("");
}

/** The JSON document in pieces (of about 64 KB), for writing a large batch without one huge string. */
export function* batchJsonChunks(batch: Batch, ctx: JsonContext): Generator<string> {
  const open = JSON.stringify(head(batch, ctx), null, 2);
  yield `${open.slice(0, -2)},\n  "results": [`;
  const rubric = batch.rubric;
  const results = rubric === null ? [] : batch.results;
  yield* pieces(results, (a, i) => `${i === 0 ? "\n" : ",\n"}    ${JSON.stringify(agencyJson(a, rubric!, ctx.lang))}`);
  yield `${results.length === 0 ? "" : "\n  "}],\n  "errors": [`;
  // Problems in pieces too: a table with a bad cell on every row has as many problems as rows.
  yield* pieces(batch.errors, (p, i) => `${i === 0 ? "" : ","}\n    ${indent(indent(JSON.stringify(problemJson(p), null, 2)))}`);
  yield `${batch.errors.length === 0 ? "" : "\n  "}],\n`;
  const rest = JSON.stringify(tail(batch, ctx), null, 2);
  yield `${rest.slice(2)}\n`;
}

/** The texts of a list's items, joined into pieces of about 64 KB: few writes, no piece near V8's longest string. */
export function* pieces<T>(items: Iterable<T>, text: (item: T, i: number) => string): Generator<string> {
  let piece: string[] = [];
  let size = 0;
  let i = 0;
  for (const each of items) {
    const item = text(each, i++);
    piece.push(item);
    size += item.length;
    if (size >= 1 << 16) {
      yield piece.join("");
      piece = [];
      size = 0;
    }
  }
  if (piece.length > 0) yield piece.join("");
}

function indent(json: string): string {
  return json.replace(/\n/g, "\n  ");
}

/** One streamed record of `--format ndjson`: an agency or a problem (the summary line comes last). */
export type NdjsonRecord = { type: "agency" | "error" } & Record<string, unknown>;

/** The ndjson record of an agency, handed over as soon as it is scored. */
export function ndjsonAgencyRecord(agency: AgencyResult, rubric: Rubric, lang: string): NdjsonRecord {
  return { type: "agency", ...agencyJson(agency, rubric, lang) };
}

/** The ndjson record of a problem. */
export function ndjsonProblemRecord(problem: Problem): NdjsonRecord {
  return { type: "error", ...problemJson(problem) };
}

/** One ndjson line of an agency, written as soon as it is scored. */
export function ndjsonAgencyLine(agency: AgencyResult, rubric: Rubric, lang: string): string {
  return `${JSON.stringify(ndjsonAgencyRecord(agency, rubric, lang))}\n`;
}

/** One ndjson line of a problem. */
export function ndjsonProblemLine(problem: Problem): string {
  return `${JSON.stringify(ndjsonProblemRecord(problem))}\n`;
}

/** The ndjson summary line, after every agency. */
export function ndjsonSummaryLine(batch: Batch, ctx: JsonContext): string {
  return `${JSON.stringify({ type: "summary", ...head(batch, ctx), errors: batch.errors.length, ...tail(batch, ctx) })}\n`;
}

/** `--format ndjson` as a pure renderer (the CLI streams the same lines as agencies are scored): agencies, errors, then the summary. */
export function renderBatchNdjson(batch: Batch, ctx: RenderContext): string {
  const rubric = batch.rubric;
  const lines = rubric === null ? [] : batch.results.map((a) => ndjsonAgencyLine(stripRank(a), rubric, ctx.lang));
  return lines.join("") + batch.errors.map(ndjsonProblemLine).join("") + ndjsonSummaryLine(batch, ctx);
}

function stripRank(a: RankedAgency): AgencyResult {
  const { rank: _rank, ...rest } = a;
  return rest;
}
