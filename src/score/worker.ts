/** A batch worker thread: scores the chunks of files it is sent and posts back compact outcomes. */
import { parentPort, workerData } from "node:worker_threads";
import type { Rubric } from "../core/rubric.js";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { takeUnreportedInputs } from "../io/write.js";
import { scoreFile } from "./score-file.js";
import type { RubricTable } from "./types.js";

/** A chunk of files to score. */
export interface ChunkRequest {
  chunk: number;
  files: string[];
}

/** The outcomes of a chunk, and the rubrics this worker had not sent before. */
export interface ChunkReply {
  chunk: number;
  outcomes: ReturnType<typeof scoreFile>[];
  rubrics: [string, Rubric][];
  /** The files this worker read as inputs (a rubric) since its last reply: no output may replace them. */
  inputs: string[];
}

const options: AssessmentLoadOptions = { ...(workerData as AssessmentLoadOptions), rubricCache: new Map() };
const rubrics: RubricTable = new Map();
const sent = new Set<string>();

parentPort?.on("message", (request: ChunkRequest) => {
  const outcomes = request.files.map((file) => scoreFile(file, options, rubrics));
  const fresh: [string, Rubric][] = [];
  for (const [key, rubric] of rubrics) {
    if (sent.has(key)) continue;
    sent.add(key);
    fresh.push([key, rubric]);
  }
  const reply: ChunkReply = { chunk: request.chunk, outcomes, rubrics: fresh, inputs: takeUnreportedInputs() };
  parentPort?.postMessage(reply);
});
