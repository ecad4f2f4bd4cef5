// The read floors of bench/batch.js, on one thread or on both cores as the tool splits a batch (this
// thread and one worker, files dealt in chunks of 64 in turn, the listing order).
//   node bench/floor-loops.js <mode> <threads: 1 or 2> <folder>…
//   read-and-scan  — read each file and find every criterion's answer (the number after its id):
//                    what any reader must do, the practical limit of reading the files at all
//   read-and-parse — read each file and JSON.parse it, nothing else (the JSON shape only)
// No target is set against the two-thread runs: they show what reading alone costs when two threads
// share the machine's two cores, and what no reader that checks the files can beat.
import { readdirSync, readFileSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { load } from "js-yaml";

const CHUNK = 64;

function work(mode, files, ids) {
  let sum = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (mode === "read-and-parse") {
      sum += Object.keys(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).answers).length;
      continue;
    }
    let at = text.indexOf("answers");
    for (const id of ids) {
      at = text.indexOf(id + (text.charCodeAt(at + 7) === 34 ? "" : ":"), at);
      if (at < 0) break;
      let i = at + id.length;
      for (let c = text.charCodeAt(i); !(c >= 48 && c <= 57) && c !== 116 && c !== 102; c = text.charCodeAt(++i));
      sum += text.charCodeAt(i);
    }
  }
  return sum;
}

if (isMainThread) {
  const [mode, threads, ...dirs] = process.argv.slice(2);
  if (mode !== "read-and-scan" && mode !== "read-and-parse") throw new Error(`unknown floor ${mode}`);
  if (threads !== "1" && threads !== "2") throw new Error(`threads: 1 or 2, not ${threads}`);
  const files = dirs.flatMap((dir) => readdirSync(dir).sort().map((f) => `${dir}/${f}`));
  let sum;
  if (threads === "1") sum = work(mode, files, criterionIds());
  else {
    const mine = [];
    const theirs = [];
    for (let i = 0; i < files.length; i++) (Math.floor(i / CHUNK) % 2 === 0 ? mine : theirs).push(files[i]);
    // The worker starts first, as the tool's does, and reads the rubric on its own.
    const worker = new Worker(new URL(import.meta.url), { workerData: { mode, files: theirs } });
    const other = new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    sum = work(mode, mine, criterionIds()) + (await other);
  }
  if (sum === 0) process.exit(1);
} else parentPort.postMessage(work(workerData.mode, workerData.files, criterionIds()));

function criterionIds() {
  const rubric = load(readFileSync(new URL("../rubrics/egov-maturity.yaml", import.meta.url), "utf8"));
  return rubric.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
}
