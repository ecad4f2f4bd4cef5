// Start-up: wall time of `egov-maturity --version` and of a one-file `report --format json` as
// ratios to `node -e 0`, and of a one-file `score --format json` as a ratio to that `report`, all
// measured in this run (interleaved, median of many runs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = `${root}bin/egov-maturity.js`;
const example = existsSync(`${root}examples/passport-directorate.yaml`) ? `${root}examples/passport-directorate.yaml` : `${root}test/fixtures/mini/agency.yaml`;

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run() {
  const cases = {
    floor: ["-e", "0"],
    version: [bin, "--version"],
    report: [bin, "report", example, "--format", "json"],
    score: [bin, "score", example, "--format", "json"],
  };
  const runs = Number(process.env.BENCH_RUNS ?? 21);
  const samples = { floor: [], version: [], report: [], score: [] };
  for (const args of Object.values(cases)) time(args); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));
  const floor = median(samples.floor);
  const version = median(samples.version);
  const report = median(samples.report);
  const score = median(samples.score);
  console.log(`start-up (median of ${runs} runs each, interleaved)`);
  console.log(`  node -e 0                       ${floor.toFixed(1)} ms   (floor)`);
  console.log(`  egov-maturity --version         ${version.toFixed(1)} ms   ratio ${(version / floor).toFixed(2)}  (target ≤ 1.3)`);
  console.log(`  report <one file> --format json ${report.toFixed(1)} ms   ratio ${(report / floor).toFixed(2)}  (target ≤ 3)`);
  console.log(`  score <one file> --format json  ${score.toFixed(1)} ms   ratio to report ${(score / report).toFixed(2)}  (target ≤ 1.2)`);
}
