/** A batch worker thread: does the tasks it is sent (chunks of files, pieces of tables) and posts back compact results. */
import { parentPort, workerData } from "node:worker_threads";
import type { Rubric } from "../core/rubric.js";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { fullPathLoaded, loadFullPath } from "../io/full-path.js";
import { takeUnreportedInputs } from "../io/write.js";
import type { OpenTable } from "./table-score.js";
import { doTask, isDeferred, type TaskReply, type TaskRequest } from "./tasks.js";
import type { RubricTable } from "./types.js";

/** A task to do, numbered in batch order. */
export interface WorkerRequest {
  n: number;
  request: TaskRequest;
}

/** A task's result, and the rubrics this worker had not sent before. */
export interface WorkerReply {
  n: number;
  reply: TaskReply;
  rubrics: [string, Rubric][];
  /** The files this worker read as inputs (a rubric) since its last reply: no output may replace them. */
  inputs: string[];
}

const options: AssessmentLoadOptions = { ...(workerData as AssessmentLoadOptions), rubricCache: new Map() };
const rubrics: RubricTable = new Map();
const tables = new Map<string, OpenTable | undefined>();
const sent = new Set<string>();

// Listening at once: the full path (io/full-path.ts) is loaded when a task first needs it — a file
// the fast path declines or a rubric named by path (a deferred outcome), a table's piece (read on the
// full path only) — and the task is then done with it.
parentPort?.on("message", (message: WorkerRequest) => {
  if (fullPathLoaded() || !("table" in message.request)) {
    const reply = doTask(message.request, options, rubrics, tables);
    if (!isDeferred(reply)) return send(message.n, reply);
  }
  loadFullPath()
    .then(() => send(message.n, doTask(message.request, options, rubrics, tables)))
    .catch((error: unknown) => {
      // Thrown outside the promise, the error stops the worker: the coordinator's `error` handler fails the batch.
      setImmediate(() => {
        throw error;
      });
    });
});
parentPort?.postMessage("ready");

function send(n: number, reply: TaskReply): void {
  const fresh: [string, Rubric][] = [];
  for (const [key, rubric] of rubrics) {
    if (sent.has(key)) continue;
    sent.add(key);
    fresh.push([key, rubric]);
  }
  const out: WorkerReply = { n, reply, rubrics: fresh, inputs: takeUnreportedInputs() };
  parentPort?.postMessage(out);
}
