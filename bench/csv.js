// CSV at scale: peak memory of `score` on a 200,000-row table against a 20,000-row one, for
// `--format ndjson` and `--format json`, through the built command. The tables (the UN E-Government
// Survey's layout, with a region group per row) and their mapping are generated deterministically
// in a temporary folder, removed at the end.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prng } from "./batch.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = process.env.BENCH_BIN ?? `${root}bin/egov-maturity.js`;
const TIME = "/usr/bin/time";
const REGIONS = ["africa", "americas", "asia", "europe", "oceania"];

/** A table of `rows` countries: id, name, region, the three EGDI components (and two columns ignored). */
export function writeTable(file, rows) {
  const random = prng(rows);
  const f = () => random().toFixed(5);
  const lines = ["Code,Country Name,Region,E-Government Rank,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index,Note"];
  for (let i = 0; i < rows; i++) {
    const note = i % 7 === 0 ? '"Figures revised, see ""annex"""' : "";
    lines.push(`C${String(i).padStart(6, "0")},Country ${i},${REGIONS[i % REGIONS.length]},${i + 1},${f()},${f()},${f()},${note}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** The mapping of the generated tables onto the built-in rubric un-egdi. */
export const MAPPING = `rubric: un-egdi@1
columns:
  Code: id
  Country Name: name
  Region: group.region
  Online Service Index: osi
  Human Capital Index: hci
  Telecommunication Infrastructure Index: tii
  E-Government Rank: "-"
  Note: "-"
`;

/** Peak resident memory (kB) of one run of the built command, from /usr/bin/time. */
function peakRss(args, cwd) {
  const metrics = join(cwd, "time.txt");
  const result = spawnSync(TIME, ["-o", metrics, "-f", "%M", process.execPath, bin, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`score ${args.join(" ")} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  const text = spawnSync("cat", [metrics]).stdout.toString().trim().split("\n").pop();
  return Number(text);
}

const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`.padStart(7);

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "egov-bench-csv-"));
  try {
    writeFileSync(join(dir, "mapping.yaml"), MAPPING);
    const small = writeTable(join(dir, "t20000.csv"), 20_000);
    const large = writeTable(join(dir, "t200000.csv"), 200_000);
    console.log("CSV at scale: peak RSS of score on a 200,000-row table vs a 20,000-row one (rubric un-egdi, built command)");
    for (const format of ["ndjson", "json"]) {
      const args = (table) => ["score", table, "--mapping", "mapping.yaml", "--format", format, "--output", `out.${format}`];
      const a = peakRss(args(small), dir);
      const b = peakRss(args(large), dir);
      const ratio = b / a;
      console.log(`  ${format.padEnd(6)}  20,000 rows ${mb(a)} · 200,000 rows ${mb(b)}   ratio ${ratio.toFixed(2)} (target ≤ 1.5)${ratio <= 1.5 ? "" : "  MISSED"}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
