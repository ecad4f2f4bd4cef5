// A batch before the full path is loaded (io/full-path.ts): `score` starts without zod and `yaml`,
// scores the files the fast path takes, defers the others, and loads the full path when a file or a
// delivery needs it. Each case compares with the same batch run with the full path loaded from the
// start (the test setup loads it, as the library entry does); `vi.resetModules()` gives the modules
// afresh, without it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
// @ts-expect-error the bench is plain JavaScript without types
import { generateAssessment, prng } from "../../bench/batch.js";
import { fullPathLoaded } from "../../src/io/full-path.js";
import { runScore, type ScoreRun } from "../../src/score/run.js";
import { scoreFile } from "../../src/score/score-file.js";
import type { FileOutcome } from "../../src/score/types.js";
import { ROOT } from "../helpers.js";

type Fresh = {
  fullPath: typeof import("../../src/io/full-path.js");
  scoreFile: typeof import("../../src/score/score-file.js").scoreFile;
  runBatch: typeof import("../../src/score/pool.js").runBatch;
  runScore: typeof import("../../src/score/run.js").runScore;
};

/**
 * The built modules afresh (npm test builds first): the full path not loaded, as in `score`'s own
 * process, and the built-in rubrics read from their build-time cache, as the CLI reads them.
 */
async function fresh(): Promise<Fresh> {
  vi.resetModules();
  const dist = (path: string) => pathToFileURL(join(ROOT, "dist", path)).href;
  const fullPath = (await import(dist("io/full-path.js"))) as Fresh["fullPath"];
  const { scoreFile } = (await import(dist("score/score-file.js"))) as { scoreFile: Fresh["scoreFile"] };
  const { runBatch } = (await import(dist("score/pool.js"))) as { runBatch: Fresh["runBatch"] };
  const { runScore } = (await import(dist("score/run.js"))) as { runScore: Fresh["runScore"] };
  expect(fullPath.fullPathLoaded()).toBe(false);
  return { fullPath, scoreFile, runBatch, runScore };
}

const rubric = parse(readFileSync(join(ROOT, "rubrics/egov-maturity.yaml"), "utf8")) as { dimensions: { criteria: unknown[] }[] };
const criteria = rubric.dimensions.flatMap((d) => d.criteria);

/** A folder of generated assessments of the built-in rubric (`names`: file name → text edit). */
function folder(count: number, edits: Record<number, (text: string) => string> = {}): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "egov-full-path-"));
  const random = prng(11);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `a${String(i).padStart(3, "0")}.yaml`);
    const text = generateAssessment(i, criteria, random) as string;
    writeFileSync(file, (edits[i] ?? ((t) => t))(text));
    files.push(file);
  }
  return { dir, files };
}

/** What a run shows, without the rubric objects (compared by key). */
function shown(run: ScoreRun) {
  return { errors: run.batch.errors, results: [...run.batch.results], summary: run.batch.summary, lang: run.lang, skipped: run.skipped };
}

describe("a batch before the full path is loaded", () => {
  it("scores a valid file of a built-in rubric without loading it, as it scores with it loaded", async () => {
    const { files } = folder(1);
    const loaded = scoreFile(files[0]!, {}, new Map());
    const f = await fresh();
    const light = f.scoreFile(files[0]!, {}, new Map());
    expect(light.deferred).toBeUndefined();
    expect(light).toEqual(loaded);
    expect(f.fullPath.fullPathLoaded()).toBe(false);
    // A whole one-file batch, too: one agency needs no duplicate's line.
    const run = await f.runScore(files, { workers: 1 });
    expect(f.fullPath.fullPathLoaded()).toBe(false);
    expect(shown(run)).toEqual(shown(await runScore(files, { workers: 1 })));
  });

  it("defers a file with a problem, a file naming its rubric by path, and a table; nothing of them is scored", async () => {
    const { files } = folder(1, { 0: (t) => t.replace(/level: \d/, "level: 9") });
    const f = await fresh();
    const expected: FileOutcome = { file: files[0]!, agencies: [], problems: [], deferred: true };
    expect(f.scoreFile(files[0]!, {}, new Map())).toEqual(expected);
    const byPath = join(ROOT, "test/fixtures/batch/good/a-alpha.yaml");
    expect(f.scoreFile(byPath, {}, new Map())).toEqual({ ...expected, file: byPath });
    const table = join(ROOT, "test/fixtures/data/un-egdi-2022.csv");
    expect(f.scoreFile(table, { mapping: { file: join(ROOT, "examples/composite/un-egdi-2022.mapping.yaml") } }, new Map())).toEqual({ ...expected, file: table });
    expect(f.fullPath.fullPathLoaded()).toBe(false);
  });

  it("loads it for a deferred file and scores the batch as with it loaded (in this thread)", async () => {
    const { files } = folder(5, { 0: (t) => t.replace(/level: \d/, "level: 9"), 3: (t) => t.replace("rubric: egov-maturity@2", "rubric: ./nowhere.yaml") });
    const expected = shown(await runScore(files, { workers: 1 }));
    expect(new Set(expected.errors.map((p) => p.file))).toEqual(new Set([files[0], files[3]]));
    expect(expected.errors.find((p) => p.file === files[3])?.code).toBe("RUBRIC_NOT_FOUND");
    const f = await fresh();
    const outcomes: FileOutcome[] = [];
    await f.runBatch(files, { workers: 1 }, new Map(), (o) => outcomes.push(o));
    expect(outcomes.some((o) => o.deferred === true)).toBe(false);
    expect(outcomes.map((o) => o.file)).toEqual(files);
    expect(f.fullPath.fullPathLoaded()).toBe(true);
    const g = await fresh();
    expect(shown(await g.runScore(files, { workers: 1 }))).toEqual(expected);
  });

  it("loads it before the second agency is delivered: a duplicate in the first file gets its line", async () => {
    const { files } = folder(1);
    const text = readFileSync(files[0]!, "utf8");
    // The same agency on another date, as a second document: a duplicate of the batch, found at delivery.
    writeFileSync(files[0]!, `${text}---\n${text.replace(/^date: .*$/m, "date: 2026-10-01")}`);
    const expected = shown(await runScore(files, { workers: 1 }));
    expect(expected.errors).toHaveLength(1);
    expect(expected.errors[0]).toMatchObject({ code: "DUPLICATE_AGENCY", line: text.split("\n").length + 4, document: 1 });
    const f = await fresh();
    expect(shown(await f.runScore(files, { workers: 1 }))).toEqual(expected);
    expect(f.fullPath.fullPathLoaded()).toBe(true);
  });

  it("is loaded once a batch holds a second agency, and stays out of the first's way", async () => {
    const { files } = folder(3);
    const f = await fresh();
    const seen: boolean[] = [];
    await f.runBatch(files, { workers: 1 }, new Map(), () => seen.push(f.fullPath.fullPathLoaded()));
    expect(seen).toEqual([false, true, true]);
  });

  it("score never loads it for a batch of distinct valid agencies: only a duplicate's line needs it", async () => {
    const { files } = folder(7);
    const f = await fresh();
    const run = await f.runScore(files, { workers: 1 });
    expect(run.batch.errors).toEqual([]);
    expect(run.batch.results.length).toBe(7);
    expect(f.fullPath.fullPathLoaded()).toBe(false);
  });

  it("loads it for a duplicate delivered in the same piece of work as its first (two files of one chunk)", async () => {
    // Chunks grow 1, 2, 4: files 1 and 2 are scored and delivered together; 4 repeats 3 in the next chunk.
    const { files } = folder(7, { 2: (t) => t.replace(/agency-00002/g, "agency-00001"), 4: (t) => t.replace(/agency-00004/g, "agency-00003") });
    const expected = shown(await runScore(files, { workers: 1 }));
    expect(expected.errors.map((p) => [p.code, p.file, p.line])).toEqual([
      ["DUPLICATE_AGENCY", files[2], 4],
      ["DUPLICATE_AGENCY", files[4], 4],
    ]);
    const f = await fresh();
    expect(shown(await f.runScore(files, { workers: 1 }))).toEqual(expected);
    expect(f.fullPath.fullPathLoaded()).toBe(true);
  });

  it("the library entry loads it with itself (its loaders are synchronous)", async () => {
    expect(fullPathLoaded()).toBe(true);
    vi.resetModules();
    await import(pathToFileURL(join(ROOT, "dist/index.js")).href);
    const fullPath = (await import(pathToFileURL(join(ROOT, "dist/io/full-path.js")).href)) as Fresh["fullPath"];
    expect(fullPath.fullPathLoaded()).toBe(true);
  });
});
