// Batch scoring: `score` wall time as a ratio to a single-threaded bare `yaml` parse loop over the
// same files, peak memory for 20,000 vs 2,000 files, and ndjson time to the first line vs the last.
// The corpus is generated deterministically under bench/.corpus/ (gitignored) from the default rubric.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = `${root}bin/egov-maturity.js`;
const corpus = `${root}bench/.corpus/batch-v1`;
const PER_DIR = 1000;
const DIRS = 20;

/** A small deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTORS = ["health", "interior", "finance", "education", "justice", "transport", "municipal", "energy"];
const REGIONS = ["capital", "north", "south", "east", "west"];

/** One agency's assessment: every criterion answered, evidence on most. */
export function generateAssessment(n, criteria, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const id = `agency-${String(n).padStart(5, "0")}`;
  const skill = random();
  const lines = [
    "# yaml-language-server: $schema=../../../schemas/egov-maturity.assessment.schema.json",
    "rubric: egov-maturity@1",
    "agency:",
    `  id: ${id}`,
    `  name: {en: "Agency ${n}", ar: "الجهة ${n}"}`,
    `  groups: {sector: ${pick(SECTORS)}, region: ${pick(REGIONS)}, level: ${random() < 0.7 ? "national" : "local"}}`,
    "assessor: Digital Government Authority, assessment team",
    `date: 2026-${String(1 + Math.floor(random() * 9)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
    "language: en",
    "answers:",
  ];
  for (const c of criteria) {
    const level = Math.max(0, Math.min(4, Math.round(skill * 4 + (random() - 0.5) * 2.5)));
    let answer;
    if (c.type === "boolean") answer = `value: ${random() < skill + 0.2}`;
    else if (c.type === "number") answer = `value: ${c.max !== undefined ? Math.round((c.min ?? 0) + (c.max - (c.min ?? 0)) * random()) : Math.round(random() * 100)}`;
    else answer = `level: ${level}`;
    lines.push(`  ${c.id}:`, `    ${answer}`);
    if (random() < 0.8) {
      lines.push("    evidence:", `      - {url: "https://${id}.gov.example/${c.id.replace(/\./g, "/")}", note: "Page checked by the assessors", date: 2026-02-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}}`);
      if (random() < 0.4) lines.push(`      - {note: "Minutes of the review meeting, item ${Math.floor(random() * 20) + 1}"}`);
    }
    if (random() < 0.3) lines.push(`    notes: Seen during the site visit; the unit head confirmed the figures for ${c.id}.`);
  }
  return `${lines.join("\n")}\n`;
}

function ensureCorpus() {
  if (existsSync(`${corpus}/d${String(DIRS - 1).padStart(2, "0")}/a${PER_DIR - 1}.yaml`)) return;
  const rubric = parse(readFileSync(`${root}rubrics/egov-maturity.yaml`, "utf8"));
  const criteria = rubric.dimensions.flatMap((d) => d.criteria);
  const random = prng(20261121);
  for (let d = 0; d < DIRS; d++) {
    const dir = `${corpus}/d${String(d).padStart(2, "0")}`;
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < PER_DIR; i++) writeFileSync(`${dir}/a${i}.yaml`, generateAssessment(d * PER_DIR + i, criteria, random));
  }
}

const dirs = (n) => Array.from({ length: n / PER_DIR }, (_, d) => `${corpus}/d${String(d).padStart(2, "0")}`);

/** The floor: one thread, read and parse every file with the `yaml` package, nothing else. */
const FLOOR = `
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
let n = 0;
for (const dir of process.argv.slice(1)) for (const f of readdirSync(dir).sort()) { parse(readFileSync(dir + "/" + f, "utf8")); n++; }
if (n === 0) process.exit(1);
`;

function wall(args, opts = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], cwd: root, maxBuffer: 1 << 26, ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.slice(0, 3).join(" ")} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  return ms;
}

/** Peak resident memory (kB) of a run, from /usr/bin/time -v. */
function peakRss(args) {
  const result = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { stdio: ["ignore", "ignore", "pipe"], cwd: root, maxBuffer: 1 << 26 });
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(String(result.stderr));
  if (result.status !== 0 || !m) throw new Error(`peak memory run failed: ${String(result.stderr).slice(-500)}`);
  return Number(m[1]);
}

/** Milliseconds to the first ndjson line and to the last (the process's end). */
function ndjsonTimes(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"], cwd: root });
    let first;
    let last;
    child.stdout.on("data", () => {
      const now = Number(process.hrtime.bigint() - start) / 1e6;
      if (first === undefined) first = now;
      last = now;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ first, last }) : reject(new Error(`ndjson run exited ${code}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  ensureCorpus();
  const runs = Number(process.env.BENCH_BATCH_RUNS ?? 3);
  const ten = dirs(10_000);
  const floorArgs = ["--input-type=module", "-e", FLOOR, ...ten];
  const scoreArgs = [bin, "score", ...ten, "--format", "json"];
  wall(floorArgs);
  wall(scoreArgs, { stdio: ["ignore", "ignore", "pipe"] }); // warm the file cache
  const floor = [];
  const score = [];
  for (let i = 0; i < runs; i++) {
    floor.push(wall(floorArgs));
    score.push(wall(scoreArgs));
  }
  const f = median(floor);
  const s = median(score);
  console.log(`batch scoring (10,000 files, default rubric, ${runs} interleaved runs, median)`);
  console.log(`  bare yaml parse loop, one thread       ${(f / 1000).toFixed(2)} s   (floor)`);
  console.log(`  score <dirs> --format json >/dev/null  ${(s / 1000).toFixed(2)} s   ratio ${(s / f).toFixed(2)}  (target ≤ 0.5)`);
  const small = peakRss([bin, "score", ...dirs(2_000), "--format", "json"]);
  const large = peakRss([bin, "score", ...dirs(20_000), "--format", "json"]);
  console.log(`  peak RSS  2,000 files ${(small / 1024).toFixed(0)} MB · 20,000 files ${(large / 1024).toFixed(0)} MB   ratio ${(large / small).toFixed(2)}  (target ≤ 1.3)`);
  const nd = await ndjsonTimes([bin, "score", ...ten, "--format", "ndjson"]);
  console.log(`  ndjson: first line ${(nd.first / 1000).toFixed(2)} s · last line ${(nd.last / 1000).toFixed(2)} s`);
}
