import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { isCsvPath } from "../io/csv-load.js";
import { noteInput } from "../io/write.js";
import { scoreFile, scoreTableStreaming } from "./score-file.js";
import type { FileOutcome, RubricTable } from "./types.js";
import type { ChunkReply, ChunkRequest } from "./worker.js";

/** How a batch is run. */
export interface BatchRunOptions extends AssessmentLoadOptions {
  /** Worker threads; default: the machine's parallelism (EGOV_MATURITY_WORKERS overrides). */
  workers?: number;
  /** Below this many files, score in this thread: starting workers would cost more than it saves. */
  inProcessBelow?: number;
  /** Called as files are done (in any order), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const CHUNK_FILES = 32;
const WORKER_YOUNG_MB = Number(process.env.EGOV_WORKER_YOUNG_MB ?? 8);
/** How many chunks may be scored ahead of the next one to deliver: bounds the reorder buffer (memory). */
const MAX_AHEAD = 16;

/**
 * Scores every file and hands each file's outcome to `onOutcome` in the order of `files` (stable
 * output), as soon as it and every file before it are done. Large batches are spread over worker
 * threads; `rubrics` gathers the rubrics the agencies were scored with.
 */
export async function runBatch(files: readonly string[], options: BatchRunOptions, rubrics: RubricTable, onOutcome: (outcome: FileOutcome) => void): Promise<void> {
  const load: AssessmentLoadOptions = { ...(options.rubric !== undefined ? { rubric: options.rubric } : {}), ...(options.mapping !== undefined ? { mapping: options.mapping } : {}), ...(options.rubricRoot !== undefined ? { rubricRoot: options.rubricRoot } : {}) };
  const envWorkers = Number(process.env.EGOV_MATURITY_WORKERS);
  const workers = Math.max(1, Math.floor(options.workers ?? (Number.isFinite(envWorkers) && envWorkers > 0 ? envWorkers : availableParallelism())));
  if (files.length < (options.inProcessBelow ?? 50) || files.includes("-")) {
    const inThread: AssessmentLoadOptions = { ...load, rubricCache: new Map() };
    files.forEach((file, i) => {
      if (file !== "-" && isCsvPath(file)) scoreTableStreaming(file, inThread, rubrics, onOutcome);
      else onOutcome(scoreFile(file, inThread, rubrics));
      options.onProgress?.(i + 1, files.length);
    });
    return;
  }
  await runPool(files, load, Math.min(workers, Math.ceil(files.length / CHUNK_FILES)), rubrics, onOutcome, options.onProgress);
}

function runPool(
  files: readonly string[],
  load: AssessmentLoadOptions,
  count: number,
  rubrics: RubricTable,
  onOutcome: (outcome: FileOutcome) => void,
  onProgress: BatchRunOptions["onProgress"],
): Promise<void> {
  const chunks = Math.ceil(files.length / CHUNK_FILES);
  const pool: Worker[] = [];
  const inFlight = new Map<Worker, number>();
  const ready = new Map<number, FileOutcome[]>();
  let nextToSend = 0;
  let nextToDeliver = 0;
  let done = 0;
  let finished = false;

  return new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (finished) return;
      finished = true;
      for (const w of pool) void w.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const feed = (worker: Worker) => {
      while ((inFlight.get(worker) ?? 0) < 2 && nextToSend < chunks && nextToSend - nextToDeliver < MAX_AHEAD) {
        const request: ChunkRequest = { chunk: nextToSend, files: files.slice(nextToSend * CHUNK_FILES, (nextToSend + 1) * CHUNK_FILES) };
        nextToSend++;
        inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
        worker.postMessage(request);
      }
    };
    const onReply = (worker: Worker, reply: ChunkReply) => {
      if (finished) return;
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
      for (const [key, rubric] of reply.rubrics) if (!rubrics.has(key)) rubrics.set(key, rubric);
      for (const file of reply.inputs) noteInput(file);
      ready.set(reply.chunk, reply.outcomes);
      done += reply.outcomes.length;
      try {
        for (let outcomes = ready.get(nextToDeliver); outcomes !== undefined; outcomes = ready.get(nextToDeliver)) {
          ready.delete(nextToDeliver);
          nextToDeliver++;
          for (const outcome of outcomes) onOutcome(outcome);
        }
        onProgress?.(done, files.length);
      } catch (error) {
        fail(error);
        return;
      }
      if (nextToDeliver === chunks) {
        finished = true;
        Promise.all(pool.map((w) => w.terminate())).then(() => resolve(), reject);
        return;
      }
      for (const w of pool) feed(w);
    };
    for (let i = 0; i < count; i++) {
      // A capped young generation keeps each worker's memory flat however many files it scores; large
      // enough that scavenges of the (up to 100 KB) file texts stay rare (npm run bench: RSS and time).
      const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: load, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      pool.push(worker);
      worker.on("message", (reply: ChunkReply) => onReply(worker, reply));
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (!finished) fail(new Error(`a batch worker stopped unexpectedly (exit code ${code})`));
      });
    }
    for (const w of pool) feed(w);
  });
}
