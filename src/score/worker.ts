/** A batch worker thread: does the tasks it is sent (chunks of files, pieces of tables) and posts back compact results. */
import { parentPort, workerData } from "node:worker_threads";
import type { Rubric } from "../core/rubric.js";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { loadFullPath } from "../io/full-path.js";
import { takeUnreportedInputs } from "../io/write.js";
import type { OpenTable } from "./table-score.js";
import { doTask, type TaskReply, type TaskRequest } from "./tasks.js";
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

// A worker scores the many files of a large batch, some of which need the full path: it is loaded
// before the worker says it is ready (meanwhile the coordinator's own thread scores).
await loadFullPath();
// Loaded and listening: the coordinator sends tasks from now on (until then its own thread does them).
parentPort?.postMessage("ready");
parentPort?.on("message", (message: WorkerRequest) => {
  const reply = doTask(message.request, options, rubrics, tables);
  const fresh: [string, Rubric][] = [];
  for (const [key, rubric] of rubrics) {
    if (sent.has(key)) continue;
    sent.add(key);
    fresh.push([key, rubric]);
  }
  const out: WorkerReply = { n: message.n, reply, rubrics: fresh, inputs: takeUnreportedInputs() };
  parentPort?.postMessage(out);
});
