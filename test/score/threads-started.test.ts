// runBatch's `onThreadsStarted` (score/pool.ts): called once, when every worker thread of the batch
// has started, never for a batch scored in this thread alone. The CLI sets V8's young-generation growth again there (cli/score.ts holdYoungGeneration),
// since each thread's start resets it: called too early, or not at all, the hold is lost.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { FileOutcome } from "../../src/score/types.js";
import { ROOT } from "../helpers.js";

/** The built pool: its workers run the built worker module (npm test builds first). */
async function builtRunBatch(): Promise<typeof import("../../src/score/pool.js").runBatch> {
  return ((await import(pathToFileURL(join(ROOT, "dist", "score/pool.js")).href)) as typeof import("../../src/score/pool.js")).runBatch;
}

const files = ["passport-directorate", "municipality-north", "passport-directorate"].map((f) => join(ROOT, "examples", `${f}.yaml`));

describe("runBatch onThreadsStarted", () => {
  it("is called once when several workers have started, and every file is still handed over in order", async () => {
    const runBatch = await builtRunBatch();
    const events: string[] = [];
    // 70 files make three chunks of 32 or fewer past the first ones: three workers (workers - 1) start.
    const many = Array.from({ length: 70 }, (_, i) => files[i % files.length]!);
    await runBatch(many, { workers: 4, onThreadsStarted: () => events.push("started") }, new Map(), (o: FileOutcome) => events.push(o.file));
    expect(events.filter((e) => e === "started")).toHaveLength(1);
    expect(events.filter((e) => e !== "started")).toEqual(many);
  });

  it("is not called for a batch scored in this thread alone", async () => {
    const runBatch = await builtRunBatch();
    let calls = 0;
    for (const options of [{ workers: 1 }, { workers: 2 }]) {
      const outcomes: FileOutcome[] = [];
      // Below inProcessBelow (50 by default) files are scored here, whatever the workers.
      await runBatch(files, { ...options, onThreadsStarted: () => calls++ }, new Map(), (o: FileOutcome) => outcomes.push(o));
      expect(outcomes.map((o) => o.file)).toEqual(files);
    }
    expect(calls).toBe(0);
  });
});

describe("worker threads of a library batch", () => {
  it("start in a program run with --input-type (node -e), which Node refuses in a worker's options", () => {
    // 60 copies of two examples: past inProcessBelow (50), so worker threads start.
    const dir = mkdtempSync(join(tmpdir(), "egov-input-type-"));
    for (let i = 0; i < 60; i++) copyFileSync(files[i % 2]!, join(dir, `a${String(i).padStart(2, "0")}.yaml`));
    const index = pathToFileURL(join(ROOT, "dist", "index.js")).href;
    const program = `import { score } from ${JSON.stringify(index)};
const run = await score([${JSON.stringify(dir)}], { workers: 2 });
console.log(run.files, run.errors.length);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" });
    expect(r.stderr).not.toContain("ERR_INPUT_TYPE_NOT_ALLOWED");
    expect(r.status, r.stderr).toBe(0);
    // Every file scored: two agencies, the other 58 files repeat their ids (DUPLICATE_AGENCY each).
    expect(r.stdout.trim()).toBe("60 58");
  });
});
