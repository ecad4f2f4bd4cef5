// `score` holds V8's young generation at its size (cli/score.ts holdYoungGeneration): a long batch
// no longer doubles it on the main thread (8 → 32 MB between 2,000 and 20,000 files), and the hold
// survives the worker threads' start, which sets V8's growth factor back to 2.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
// @ts-expect-error the bench is plain JavaScript without types
import { prng } from "../../bench/batch.js";
// @ts-expect-error the bench is plain JavaScript without types
import { shapeText } from "../../bench/shapes.js";

const FILES = 6000;

/** A folder of the bench's JSON agencies (compact and indented, some with CRLF or a byte-order mark), each of its own id. */
function jsonFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "egov-young-"));
  const rubric = parse(readFileSync("rubrics/egov-maturity.yaml", "utf8")) as { dimensions: { criteria: unknown[] }[] };
  const criteria = rubric.dimensions.flatMap((d) => d.criteria);
  const random = prng(18);
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `a${String(i).padStart(4, "0")}.yaml`), shapeText("json", i, criteria, random, "") as string);
  return dir;
}

/** Loaded before the command (--import): the main thread's young generation as the process ends, on stderr. */
function probe(): string {
  const file = join(mkdtempSync(join(tmpdir(), "egov-young-probe-")), "probe.mjs");
  writeFileSync(
    file,
    `import { getHeapSpaceStatistics } from "node:v8";
import { isMainThread } from "node:worker_threads";
if (isMainThread) process.on("exit", () => {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  process.stderr.write("young generation " + young.space_size + "\\n");
});
`,
  );
  return pathToFileURL(file).href;
}

describe("score holds the young generation", () => {
  const dir = jsonFolder();
  const hook = probe();

  for (const [format, workers] of [["json", "2"], ["ndjson", "2"], ["json", "1"]] as const) {
    it(`${FILES} files, --format ${format}, ${workers === "1" ? "this thread alone" : "two threads"}: 8 MB at most, every agency scored`, () => {
      const r = spawnSync(process.execPath, ["--import", hook, "bin/egov-maturity.js", "score", dir, "--format", format], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, EGOV_MATURITY_WORKERS: workers } });
      expect(r.status, r.stderr).toBe(0);
      const young = Number(/young generation (\d+)/.exec(r.stderr)?.[1]);
      // Two semi-spaces of 4 MB at most (V8 starts at 1 MB each; the main thread may reach 4 before the workers are up).
      expect(young).toBeGreaterThan(0);
      expect(young).toBeLessThanOrEqual(8 * 1024 * 1024);
      const agencies = format === "json" ? (JSON.parse(r.stdout) as { results: unknown[] }).results.length : r.stdout.split("\n").filter((l) => l.startsWith('{"type":"agency"')).length;
      expect(agencies).toBe(FILES);
    }, 60_000);
  }
});
