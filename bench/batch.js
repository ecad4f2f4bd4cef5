// Batch scoring, measured against floors in the same run, on every shape of file (bench/shapes.js):
//   - a bare single-thread js-yaml load loop over the same files,
//   - a single-thread read-and-scan loop (read each file, find its answers with a minimal scanner;
//     bench/floor-loops.js): the practical limit of reading the files at all,
//   - a bare single-thread `yaml` parse loop (the parser the tool uses for positions),
//   - and, without a target, the read-and-scan loop on both cores and (JSON) reading and JSON.parse
//     on both cores (bench/floor-loops.js): what two threads on this machine's two cores can do
//     before validating or scoring anything.
// Then peak memory for 20,000 vs 2,000 files (json, ndjson), CSV 200,000 vs 20,000 rows, and the
// ndjson time to the first line vs the last. The corpus is generated deterministically under
// bench/.corpus/ (gitignored) from the default rubric.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = process.env.BENCH_BIN ?? `${root}bin/egov-maturity.js`;
const corpus = `${root}bench/.corpus/shapes-v2`;

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
    "rubric: egov-maturity@2",
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
    else if (c.type === "number") {
      // Inside the declared range when there is one (a value outside is VALUE_OUT_OF_RANGE).
      const lo = Math.max(c.range?.[0] ?? -Infinity, c.max !== undefined ? (c.min ?? 0) : 0);
      const hi = Math.min(c.range?.[1] ?? Infinity, c.max !== undefined ? c.max : 100);
      answer = `value: ${Math.round(lo + (hi - lo) * random())}`;
    }
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

/** The floors: one thread, every file of the folders, nothing else. */
const FLOORS = {
  "js-yaml": `
import { readdirSync, readFileSync } from "node:fs";
import { load } from "js-yaml";
let n = 0;
for (const dir of process.argv.slice(1)) for (const f of readdirSync(dir).sort()) { if (load(readFileSync(dir + "/" + f, "utf8")) !== undefined) n++; }
if (n === 0) process.exit(1);
`,
  yaml: `
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
let n = 0;
for (const dir of process.argv.slice(1)) for (const f of readdirSync(dir).sort()) { parse(readFileSync(dir + "/" + f, "utf8")); n++; }
if (n === 0) process.exit(1);
`,
};

/** The floors on both cores (bench/floor-loops.js), by name: what `BENCH_FLOORS` selects, and their label. */
const BOTH_CORES = { "read-and-scan-2": "read-and-scan, 2 threads", "read-and-parse-2": "read + JSON.parse, 2 threads" };

function wall(args, opts = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], cwd: root, maxBuffer: 1 << 26, ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.slice(0, 3).join(" ")} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  return ms;
}

/** Reads every file of the folders (into one reused buffer): their pages are then in the file cache. */
function warm(dirs) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      const fd = openSync(`${dir}/${f}`, "r");
      try {
        while (readSync(fd, buffer, 0, buffer.length, null) > 0);
      } finally {
        closeSync(fd);
      }
    }
  }
}

/** Peak resident memory (kB) of a run, from /usr/bin/time -v. */
function peakRss(args, env = {}) {
  const result = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { stdio: ["ignore", "ignore", "pipe"], cwd: root, maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(String(result.stderr));
  if (result.status !== 0 || !m) throw new Error(`peak memory run failed: ${String(result.stderr).slice(-500)}`);
  return Number(m[1]);
}

/** Milliseconds to the first ndjson line and to the end of the process. */
function ndjsonTimes(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"], cwd: root });
    let first;
    child.stdout.on("data", () => {
      first ??= Number(process.hrtime.bigint() - start) / 1e6;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ first, last: Number(process.hrtime.bigint() - start) / 1e6 }) : reject(new Error(`ndjson run exited ${code}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
const verdict = (ratio, target) => `ratio ${ratio.toFixed(2)}  (target ≤ ${target})${ratio <= target ? "" : "  MISSED"}`;

export async function run() {
  const { SHAPES, ensureShape, ensureCsv } = await import("./shapes.js");
  const runs = Number(process.env.BENCH_BATCH_RUNS ?? 3);
  // While working on one part: BENCH_SHAPES=flow,json, BENCH_FLOORS=js-yaml,read-and-scan, BENCH_MEMORY=0.
  const only = process.env.BENCH_SHAPES ? process.env.BENCH_SHAPES.split(",") : SHAPES;
  const floors = process.env.BENCH_FLOORS ? process.env.BENCH_FLOORS.split(",") : [...Object.keys(FLOORS), "read-and-scan", ...Object.keys(BOTH_CORES)];
  console.log(`batch scoring, 10,000 files per shape (default rubric; ${runs} interleaved runs, median; the tool on every core, the floors on one thread unless named)`);
  for (const shape of only) {
    const dirs = ensureShape(shape, `${corpus}/${shape}`, shape === "flow" ? 20_000 : 10_000).slice(0, 10);
    const cases = {
      tool: [bin, "score", ...dirs, "--format", "json"],
      ...Object.fromEntries(Object.entries(FLOORS).filter(([name]) => floors.includes(name)).map(([name, code]) => [name, ["--input-type=module", "-e", code, ...dirs]])),
      ...(floors.includes("read-and-scan") ? { "read-and-scan": [`${root}bench/floor-loops.js`, "read-and-scan", "1", ...dirs] } : {}),
      // On both cores, as the tool splits a batch (bench/floor-loops.js): references, no target.
      ...Object.fromEntries(Object.keys(BOTH_CORES).filter((name) => floors.includes(name) && (name !== "read-and-parse-2" || shape === "json")).map((name) => [name, [`${root}bench/floor-loops.js`, name.slice(0, -2), "2", ...dirs]])),
    };
    for (const args of Object.values(cases)) wall(args); // warm the code caches of the system
    const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    // The files are read again before every timed run: this machine's kernel pages out cold file
    // pages within seconds (DAMON), so whichever case ran after a long one would read from disk.
    for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) samples[name].push((warm(dirs), wall(args)));
    const t = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    console.log(`  ${shape}`);
    if (t["js-yaml"] !== undefined) console.log(`    ${"js-yaml load loop".padEnd(29)}${secs(t["js-yaml"])}   tool ${verdict(t.tool / t["js-yaml"], 0.6)}`);
    if (t["read-and-scan"] !== undefined) console.log(`    ${"read-and-scan loop".padEnd(29)}${secs(t["read-and-scan"])}   tool ${verdict(t.tool / t["read-and-scan"], 1.5)}`);
    if (t.yaml !== undefined) console.log(`    ${"yaml parse loop".padEnd(29)}${secs(t.yaml)}   tool ratio ${(t.tool / t.yaml).toFixed(2)}`);
    for (const [name, label] of Object.entries(BOTH_CORES)) if (t[name] !== undefined) console.log(`    ${label.padEnd(29)}${secs(t[name])}   tool ratio ${(t.tool / t[name]).toFixed(2)}  (both cores; no target)`);
    console.log(`    ${"score --format json".padEnd(29)}${secs(t.tool)}`);
  }
  if (process.env.BENCH_MEMORY === "0") return;
  const flow = ensureShape("flow", `${corpus}/flow`, 20_000);
  // Peak memory varies by some MB from one run to the next (the heap grows as the collector decides):
  // the median of three interleaved runs of each.
  for (const format of ["json", "ndjson"]) {
    const smalls = [];
    const larges = [];
    for (let i = 0; i < 3; i++) {
      smalls.push(peakRss([bin, "score", ...flow.slice(0, 2), "--format", format]));
      larges.push(peakRss([bin, "score", ...flow, "--format", format]));
    }
    const small = median(smalls);
    const large = median(larges);
    console.log(`  peak RSS ${format.padEnd(6)}  2,000 files ${(small / 1024).toFixed(0)} MB · 20,000 files ${(large / 1024).toFixed(0)} MB   ${verdict(large / small, 1.3)}`);
  }
  const mapping = `${root}examples/composite/un-egdi-2022.mapping.yaml`;
  const csvSmall = peakRss([bin, "score", ensureCsv(`${corpus}/un-20000.csv`, 20_000), "--mapping", mapping, "--format", "json"]);
  const csvLarge = peakRss([bin, "score", ensureCsv(`${corpus}/un-200000.csv`, 200_000), "--mapping", mapping, "--format", "json"]);
  console.log(`  peak RSS csv     20,000 rows ${(csvSmall / 1024).toFixed(0)} MB · 200,000 rows ${(csvLarge / 1024).toFixed(0)} MB   ${verdict(csvLarge / csvSmall, 1.5)}`);
  // As every other figure: the median of three runs, the files read again before each (the CSV runs
  // above leave them cold). One run of a 0.1 s figure on a shared host varies by tens of milliseconds.
  const firsts = [];
  const lasts = [];
  for (let i = 0; i < 3; i++) {
    warm(flow.slice(0, 10));
    const nd = await ndjsonTimes([bin, "score", ...flow.slice(0, 10), "--format", "ndjson"]);
    firsts.push(nd.first);
    lasts.push(nd.last);
  }
  const first = median(firsts);
  const last = median(lasts);
  console.log(`  ndjson (10,000 files, median of three): first line ${secs(first)} · end ${secs(last)}   ${verdict(first / last, 0.1)}`);
}
