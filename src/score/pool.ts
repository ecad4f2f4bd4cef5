import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { fullPathLoaded, loadFullPath } from "../io/full-path.js";
import { isCsvPath, isXlsxPath } from "../io/input-kind.js";
import { noteInput } from "../io/write.js";
import type { OpenTable } from "./table-score.js";
import { batchTasks, CHUNK_FILES, doTask, isDeferred, isLargeTable, type Task, type TaskReply } from "./tasks.js";
import type { FileOutcome, RubricTable } from "./types.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

/** How a batch is run. */
export interface BatchRunOptions extends AssessmentLoadOptions {
  /**
   * Threads that score: this one and `workers - 1` worker threads (1: this thread alone); default: the
   * machine's parallelism (EGOV_MATURITY_WORKERS overrides).
   */
  workers?: number;
  /** Below this many files, score in this thread: starting workers would cost more than it saves. */
  inProcessBelow?: number;
  /** Called as files are done (in any order), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once, when every worker thread of the batch has started (never for a batch scored in this
   * thread alone): a thread's start sets V8's process-wide young-generation growth factor back to 2
   * (see cli/score.ts holdYoungGeneration).
   */
  onThreadsStarted?: () => void;
  /**
   * Whether handing over a reply's outcomes (in turn) needs the full path (io/full-path.ts): the
   * consumer's own rule, such as a duplicate agency whose line is found by parsing its file with
   * positions (score/run.ts). Without it, every agency past the batch's first is taken to need it.
   */
  needsFullPath?: (outcomes: readonly FileOutcome[]) => boolean;
}

/**
 * True when a reply may be delivered only once the full path is loaded: a table's rows (its scorer
 * reads on the full path), or an outcome the consumer says needs it (`needsFullPath`); without that
 * rule, any agency past the batch's first (`delivered` so far).
 */
function deliveryNeedsFullPath(reply: TaskReply | undefined, options: BatchRunOptions, delivered: number): boolean {
  if (reply === undefined || fullPathLoaded()) return false;
  if (!("outcomes" in reply)) return true;
  if (options.needsFullPath !== undefined) return options.needsFullPath(reply.outcomes);
  let agencies = delivered;
  for (const outcome of reply.outcomes) agencies += outcome.agencies.length;
  return agencies > 1;
}

/**
 * Tasks a worker holds at once: enough that it never waits while this thread scores a task of its
 * own and delivers (2 left it idle some 80 ms of a 1.2 s batch; npm run bench).
 */
const IN_FLIGHT = 4;
const WORKER_YOUNG_MB = Number(process.env.EGOV_WORKER_YOUNG_MB ?? 8);
/** How many tasks may be done ahead of the next one to deliver: bounds the reorder buffer (memory). */
const MAX_AHEAD = 64;

/**
 * Scores every file and hands each file's outcome to `onOutcome` in the order of `files` (stable
 * output), as soon as it and every file before it are done; a CSV table's agencies come a piece of
 * rows at a time (`more: true` on all but its last outcome). Large batches, and large tables, are
 * spread over this thread and worker threads; `rubrics` gathers the rubrics the agencies were scored with.
 * The full path's modules (io/full-path.ts) are loaded only when the batch needs them: a batch of
 * one valid YAML or JSON file is scored without them.
 */
export async function runBatch(files: readonly string[], options: BatchRunOptions, rubrics: RubricTable, take: (outcome: FileOutcome) => void): Promise<void> {
  // A deferred outcome is a file not scored yet: delivered, it would be a file silently left out.
  const onOutcome = (outcome: FileOutcome) => {
    if (outcome.deferred === true) throw new Error(`internal: ${outcome.file} was delivered before it was scored (deferred)`);
    take(outcome);
  };
  const load: AssessmentLoadOptions = { ...(options.rubric !== undefined ? { rubric: options.rubric } : {}), ...(options.mapping !== undefined ? { mapping: options.mapping } : {}), ...(options.rubricRoot !== undefined ? { rubricRoot: options.rubricRoot } : {}) };
  const envWorkers = Number(process.env.EGOV_MATURITY_WORKERS);
  const workers = Math.max(1, Math.floor(options.workers ?? (Number.isFinite(envWorkers) && envWorkers > 0 ? envWorkers : availableParallelism())));
  const tables = new Map<string, OpenTable | undefined>();
  // Tables and workbooks are read on the full path only.
  if (files.some((f) => f !== "-" && (isCsvPath(f) || isXlsxPath(f)))) await loadFullPath();
  const largeTable = files.some(isLargeTable);
  if ((files.length < (options.inProcessBelow ?? 50) && !largeTable) || files.includes("-") || workers === 1) {
    const inThread: AssessmentLoadOptions = { ...load, rubricCache: new Map() };
    let done = 0;
    let agencies = 0;
    for (const task of batchTasks(files, inThread, rubrics, tables)) {
      let reply = task.request && doTask(task.request, inThread, rubrics, tables);
      if (isDeferred(reply)) {
        await loadFullPath();
        reply = doTask(task.request!, inThread, rubrics, tables);
      }
      if (deliveryNeedsFullPath(reply, options, agencies)) await loadFullPath();
      for (const outcome of task.deliver(reply)) {
        agencies += outcome.agencies.length;
        onOutcome(outcome);
      }
      done += task.files;
      if (task.files > 0) options.onProgress?.(done, files.length);
    }
    return;
  }
  // This thread scores too, from the first task on (the first ndjson line does not wait for a worker
  // to start), and delivers; the workers take the other cores.
  const count = largeTable ? workers - 1 : Math.min(workers - 1, Math.ceil(files.length / CHUNK_FILES));
  const local: AssessmentLoadOptions = { ...load, rubricCache: new Map() };
  await runPool(batchTasks(files, load, rubrics, tables), files.length, load, count, rubrics, onOutcome, options, (request) => doTask(request, local, rubrics, tables));
}

/**
 * The process's Node options for a worker, without `--input-type`: a worker inherits them, and Node
 * refuses that one in a worker (ERR_INPUT_TYPE_NOT_ALLOWED), so a program run with
 * `node --input-type=module -e …` could not score a batch on threads.
 */
function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--input-type") i++;
    else if (!argv[i]!.startsWith("--input-type=")) out.push(argv[i]!);
  }
  return out;
}

function runPool(
  tasks: Iterator<Task>,
  total: number,
  load: AssessmentLoadOptions,
  count: number,
  rubrics: RubricTable,
  onOutcome: (outcome: FileOutcome) => void,
  options: BatchRunOptions,
  here: (request: Task["request"] & object) => WorkerReply["reply"],
): Promise<void> {
  const pool: Worker[] = [];
  const inFlight = new Map<Worker, number>();
  /** Tasks made and not yet delivered, by number; a reply waits here until every task before it is delivered. */
  const pending = new Map<number, { task: Task; reply?: WorkerReply; done: boolean }>();
  let made = 0;
  let exhausted = false;
  let nextToDeliver = 0;
  let done = 0;
  let agencies = 0;
  let finished = false;
  /** The full path, while it loads: delivery waits for it (see `deliveryNeedsFullPath`). */
  let loading: Promise<void> | undefined;

  return new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (finished) return;
      finished = true;
      for (const w of pool) void w.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    /** The next task for a worker: tasks without a request are done where they are delivered. */
    const nextTask = (): { n: number; task: Task } | undefined => {
      while (!exhausted && made - nextToDeliver < MAX_AHEAD) {
        const next = tasks.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const n = made++;
        pending.set(n, { task: next.value, done: next.value.request === undefined });
        if (next.value.request !== undefined) return { n, task: next.value };
      }
      return undefined;
    };
    const ready = new Set<Worker>();
    const feed = (worker: Worker) => {
      while (ready.has(worker) && (inFlight.get(worker) ?? 0) < IN_FLIGHT) {
        const next = nextTask();
        if (next === undefined) return;
        inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
        const request: WorkerRequest = { n: next.n, request: next.task.request! };
        worker.postMessage(request);
      }
    };
    /** Loads the full path, then goes on. */
    const loadThenStep = () => {
      loading ??= loadFullPath().then(() => step(), fail);
    };
    const deliver = () => {
      for (let entry = pending.get(nextToDeliver); entry?.done === true; entry = pending.get(nextToDeliver)) {
        if (deliveryNeedsFullPath(entry.reply?.reply, options, agencies)) return loadThenStep();
        pending.delete(nextToDeliver);
        nextToDeliver++;
        for (const outcome of entry.task.deliver(entry.reply?.reply)) {
          agencies += outcome.agencies.length;
          onOutcome(outcome);
        }
        done += entry.task.files;
        if (entry.task.files > 0) options.onProgress?.(done, total);
      }
    };
    const step = () => {
      try {
        // Tasks done where they are delivered (a table that is read whole) make room for more: go on
        // until no task is made.
        for (let made0 = -1; made0 !== made; ) {
          made0 = made;
          deliver();
          for (const w of pool) feed(w);
          deliver();
        }
      } catch (error) {
        fail(error);
        return;
      }
      if (exhausted && nextToDeliver === made) {
        finished = true;
        Promise.all(pool.map((w) => w.terminate())).then(() => resolve(), reject);
      } else schedule();
    };
    /**
     * This thread takes a task when one is waiting and no reply is: one task at a time, then back to
     * the event loop, so that the workers' replies are delivered between two of its tasks.
     */
    let scheduled = false;
    const schedule = () => {
      if (scheduled || finished) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (finished) return;
        const next = nextTask();
        if (next === undefined) return;
        const entry = pending.get(next.n)!;
        const take = (): boolean => {
          try {
            entry.reply = { n: next.n, reply: here(next.task.request!), rubrics: [], inputs: [] };
            return true;
          } catch (error) {
            fail(error);
            return false;
          }
        };
        if (!take()) return;
        if (isDeferred(entry.reply!.reply)) {
          // A file needs the full path: done again once it is loaded.
          loadFullPath().then(() => {
            if (finished || !take()) return;
            entry.done = true;
            step();
          }, fail);
          return;
        }
        entry.done = true;
        step();
      });
    };
    const onReply = (worker: Worker, reply: WorkerReply) => {
      if (finished) return;
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
      for (const [key, rubric] of reply.rubrics) if (!rubrics.has(key)) rubrics.set(key, rubric);
      for (const file of reply.inputs) noteInput(file);
      const entry = pending.get(reply.n);
      if (entry) {
        entry.reply = reply;
        entry.done = true;
      }
      step();
    };
    for (let i = 0; i < count; i++) {
      // A capped young generation keeps each worker's memory flat however many files it scores; large
      // enough that scavenges of the (up to 100 KB) file texts stay rare (npm run bench: RSS and time).
      const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: load, execArgv: workerExecArgv(), resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      pool.push(worker);
      worker.on("message", (reply: WorkerReply | "ready") => {
        if (reply !== "ready") return onReply(worker, reply);
        ready.add(worker);
        if (ready.size === count) options.onThreadsStarted?.();
        step();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (!finished) fail(new Error(`a batch worker stopped unexpectedly (exit code ${code})`));
      });
    }
    step();
  });
}
