import { statSync } from "node:fs";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { isCsvPath } from "../io/input-kind.js";
import { scanCsvFile, tablePieces } from "../io/csv-stream.js";
import { scoreFile } from "./score-file.js";
import { openTable, scorePiece, TableScorer, type OpenTable, type PieceRow, type TablePiece } from "./table-score.js";
import type { FileOutcome, RubricTable } from "./types.js";

/** Files scored together in one task (the first tasks are smaller: see `batchTasks`). */
export const CHUNK_FILES = 32;

/** Work for a thread: a chunk of files, or a piece of a table's rows. */
export type TaskRequest = { files: string[] } | { table: TablePiece };

/** What a thread gives back for a task. */
export type TaskReply = { outcomes: FileOutcome[] } | { rows: PieceRow[] };

/**
 * One step of a batch, in input order: `request` is the work any thread may do; `deliver` turns its
 * reply into file outcomes, called in task order (a table's rows are taken in row order). A task
 * without a request is done where it is delivered.
 */
export interface Task {
  request?: TaskRequest;
  deliver(reply: TaskReply | undefined): FileOutcome[];
  /** Input files this task completes (for the progress bar). */
  files: number;
}

/** Does a task's work: scores the files, or reads, checks and scores the piece's rows. */
export function doTask(request: TaskRequest, options: AssessmentLoadOptions, rubrics: RubricTable, tables: Map<string, OpenTable | undefined>): TaskReply {
  if ("files" in request) return { outcomes: request.files.map((file) => scoreFile(file, options, rubrics)) };
  const { file, header, delimiter, piece } = request.table;
  if (!tables.has(file)) tables.set(file, openTable(file, header, delimiter, options));
  const open = tables.get(file);
  if (open === undefined) throw new Error(`${file}: the table could not be opened again`);
  return { rows: scorePiece(open, piece, rubrics) };
}

/** True when a reply holds a file that waits for the full path (score/score-file.ts): the task is done again once it is loaded. */
export function isDeferred(reply: TaskReply | undefined): boolean {
  return reply !== undefined && "outcomes" in reply && reply.outcomes.some((o) => o.deferred === true);
}

/** A table at least this large is worth the worker threads on its own. */
export const LARGE_TABLE_BYTES = 1 << 20;

/** True when a path is a CSV table of at least {@link LARGE_TABLE_BYTES}. */
export function isLargeTable(file: string): boolean {
  if (file === "-" || !isCsvPath(file)) return false;
  try {
    return statSync(file).size >= LARGE_TABLE_BYTES;
  } catch {
    return false;
  }
}

/**
 * The tasks of a batch, made as they are asked for: files in chunks, and each CSV table in pieces of
 * rows (read from the file piece by piece, never whole). A table that cannot be read in pieces (a
 * syntax or encoding problem, a mapping problem, not a plain file) is scored whole where it is
 * delivered, which words its problems as every other command does. `tables` keeps each opened table
 * for this thread's own {@link doTask}.
 */
export function* batchTasks(files: readonly string[], options: AssessmentLoadOptions, rubrics: RubricTable, tables: Map<string, OpenTable | undefined>): Generator<Task> {
  let chunk: string[] = [];
  // The first chunks grow from one file (1, 2, 4, … CHUNK_FILES): the first agency is out as soon as
  // it is scored (ndjson), and no thread waits on a large first chunk while the others start.
  let size = 1;
  const flush = (): Task => {
    const request = { files: chunk };
    chunk = [];
    size = Math.min(CHUNK_FILES, size * 2);
    return { request, files: request.files.length, deliver: (reply) => (reply as { outcomes: FileOutcome[] }).outcomes };
  };
  for (const file of files) {
    if (file === "-" || !isCsvPath(file)) {
      chunk.push(file);
      if (chunk.length >= size) yield flush();
      continue;
    }
    if (chunk.length > 0) yield flush();
    yield* tableTasks(file, options, rubrics, tables);
  }
  if (chunk.length > 0) yield flush();
}

function* tableTasks(file: string, options: AssessmentLoadOptions, rubrics: RubricTable, tables: Map<string, OpenTable | undefined>): Generator<Task> {
  const scanned = scanCsvFile(file);
  const open = scanned && openTable(file, scanned.header, scanned.delimiter, options);
  if (!scanned || !open) {
    yield { files: 1, deliver: () => [scoreFile(file, options, rubrics)] };
    return;
  }
  tables.set(file, open);
  const scorer = new TableScorer(file, open.where, open.key);
  for (const piece of tablePieces(file)) {
    yield { request: { table: { file, header: scanned.header, delimiter: scanned.delimiter, piece } }, files: 0, deliver: (reply) => [scorer.take((reply as { rows: PieceRow[] }).rows)] };
  }
  yield { files: 1, deliver: () => [scorer.finish()] };
}
