// runBatch's `onThreadsStarted` (score/pool.ts): called once, when every worker thread of the batch
// has started, never for a batch scored in this thread alone. The CLI sets V8's young-generation growth again there (cli/score.ts holdYoungGeneration),
// since each thread's start resets it: called too early, or not at all, the hold is lost.
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
