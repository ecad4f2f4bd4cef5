/**
 * Issue 13, through the BUILT command: a committed file can't read secrets, hang CI, impersonate the
 * rubric or exhaust the machine. Every hostile input here runs within its budget — 2 s of one
 * thread's work (3 s of CPU time across the process's threads) and 300 MB of resident memory
 * (measured by /usr/bin/time on the child); wall time stays under 10 s, a
 * hang guard (EGOV_MATURITY_SLOW_CI=1 gives a loaded runner a margin, never a hang).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers.js";

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const SLOW = process.env.EGOV_MATURITY_SLOW_CI === "1";
const MINI = readFileSync(join(ROOT, "test/fixtures/mini/rubric.yaml"), "utf8");
const AGENCY = readFileSync(join(ROOT, "test/fixtures/mini/agency.yaml"), "utf8").replace(/^rubric: .*$/m, "rubric: ./rubric.yaml");
const TOKEN = "c2VjcmV0LXRva2VuLWZyb20tY2k";

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
  wallMs: number;
  cpuMs?: number;
  rssMb?: number;
}

/** Runs the built CLI in `cwd`, measuring CPU time and peak memory of the child when /usr/bin/time exists. */
function run(args: string[], cwd: string): Run {
  const start = performance.now();
  const metrics = join(mkdtempSync(join(tmpdir(), "egov-time-")), "m");
  const command = TIME ? [TIME, "-o", metrics, "-f", "%U %S %M", process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(command[0]!, command.slice(1), { cwd, encoding: "utf8", timeout: 30_000, input: "", maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
  const out: Run = { stdout: r.stdout, stderr: r.stderr, code: r.status, wallMs: performance.now() - start };
  if (TIME && existsSync(metrics)) {
    const [user, sys, rss] = readFileSync(metrics, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    out.cpuMs = ((user ?? 0) + (sys ?? 0)) * 1000;
    out.rssMb = (rss ?? 0) / 1024;
  }
  return out;
}

/** The budget of DESIGN.md §7: every hostile input within 2 s and 300 MB, no stack trace. */
function withinBudget(r: Run): void {
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|RangeError|Maximum call stack/);
  // CPU time is what the input costs; on a loaded runner it too grows (cache and memory contention).
  // Wall time is the budget only where CPU time can't be measured; otherwise it guards against a
  // hang (a blocked read costs no CPU), since on a loaded machine it measures the other processes.
  if (r.cpuMs !== undefined) {
    // 2 s of one thread's work; the process's CPU time also counts V8's parallel GC and compiler
    // threads (a quarter more: 50,000 `groups` keys through the full parse took 1.6–2.0 s elapsed and
    // 2.4 s of CPU; validate now takes the fast path for it, 0.6 s and 0.7 s).
    expect(r.cpuMs).toBeLessThan(SLOW ? 5_000 : 3_000);
    expect(r.wallMs).toBeLessThan(SLOW ? 20_000 : 10_000);
  } else expect(r.wallMs).toBeLessThan(SLOW ? 20_000 : 2_000);
  if (r.rssMb !== undefined) expect(r.rssMb).toBeLessThan(300);
}

const errorLines = (text: string) => text.split("\n").filter((l) => /:\d+:\d+ {2}error {2}[A-Z_]+/.test(l)).map((l) => /^\s*(.*?:\d+:\d+ {2}error {2}[A-Z_]+)/.exec(l)![1]!);

function folder(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "egov-sec-")));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("1. rubric references are confined", () => {
  let repo: string;
  beforeAll(() => {
    repo = folder({ ".git/config": `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`, "outside.yaml": MINI, "repo/a/rubric.yaml": MINI, "repo/a/broken.yaml": "id: broken\nSECRET_LINE_TEXT: [unclosed\n" });
    symlinkSync("../../outside.yaml", join(repo, "repo/a/link.yaml"));
    spawnSync("mkfifo", [join(repo, "repo/a/fifo.yaml")]);
  });

  const refs: [string, string][] = [
    ["../../.git/config", "RUBRIC_OUTSIDE"],
    ["/proc/self/fd/1", "RUBRIC_OUTSIDE"],
    ["/proc/self/fd/0", "RUBRIC_OUTSIDE"],
    ["/dev/stdin", "RUBRIC_OUTSIDE"],
    ["../../outside.yaml", "RUBRIC_OUTSIDE"],
    ["./link.yaml", "RUBRIC_OUTSIDE"],
    ["./fifo.yaml", "RUBRIC_NOT_A_FILE"],
    ["../../.git", "RUBRIC_OUTSIDE"],
  ];
  it.each(refs)("rubric: %s is %s at the reference, in every check format, without reading it", (ref, code) => {
    writeFileSync(join(repo, "repo/a/x.yaml"), AGENCY.replace("rubric: ./rubric.yaml", `rubric: ${ref}`));
    for (const format of ["table", "json", "github", "sarif", "junit", "markdown"]) {
      const r = run(["check", "a/x.yaml", "--format", format], join(repo, "repo"));
      withinBudget(r);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
      expect(r.stdout + r.stderr).toContain(code);
    }
    const r = run(["report", "a/x.yaml"], join(repo, "repo"));
    expect(errorLines(r.stderr)).toEqual([`a/x.yaml:1:9  error  ${code}`]);
  });

  it("the .git folder inside the working tree is refused too, and a referenced rubric's text is never quoted", () => {
    writeFileSync(join(repo, "repo/a/x.yaml"), AGENCY.replace("rubric: ./rubric.yaml", "rubric: ./broken.yaml"));
    const r = run(["report", "a/x.yaml"], join(repo, "repo"));
    withinBudget(r);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)[0]).toBe("a/x.yaml:1:9  error  RUBRIC_INVALID");
    expect(r.stderr).toMatch(/a\/broken\.yaml:\d+:\d+ {2}error {2}YAML_SYNTAX/);
    expect(r.stderr).not.toContain("SECRET_LINE_TEXT");
    expect(r.stderr).not.toContain("unclosed");
  });

  it("extends may not leave the rubric's folder; --rubric-root widens an assessment's reach", () => {
    const dir = folder({ "base.yaml": MINI, "sub/ext.yaml": "id: ext\nextends: ../base.yaml\n", "sub/x.yaml": AGENCY.replace("./rubric.yaml", "../base.yaml") });
    const ext = run(["validate", "sub/ext.yaml"], dir);
    expect(errorLines(ext.stdout + ext.stderr)).toEqual(["sub/ext.yaml:2:10  error  RUBRIC_OUTSIDE"]);
    expect(run(["report", "sub/x.yaml"], join(dir, "sub")).code).toBe(2);
    expect(run(["report", "sub/x.yaml"], dir).code).toBe(0);
    expect(run(["report", "x.yaml", `--rubric-root=${dir}`], join(dir, "sub")).code).toBe(0);
  });
});

describe("3. a rubric is known by its content", () => {
  const builtin = readFileSync(join(ROOT, "rubrics/egov-maturity.yaml"), "utf8");

  it("a copy of the built-in rubric with easier thresholds is RUBRIC_ID_TAKEN at its id; an identical copy is allowed", () => {
    const easier = builtin.replace(/threshold: 0\.\d+/, "threshold: 0.01");
    expect(easier).not.toBe(builtin);
    const dir = folder({ "easy.yaml": easier, "same.yaml": builtin });
    const r = run(["validate", "easy.yaml"], dir);
    withinBudget(r);
    const idLine = easier.split("\n").findIndex((l) => l.startsWith("id:")) + 1;
    expect(errorLines(r.stdout + r.stderr)).toEqual([`easy.yaml:${idLine}:5  error  RUBRIC_ID_TAKEN`]);
    expect(run(["validate", "same.yaml"], dir).code).toBe(0);
  });

  it("report JSON names the rubric with its digest; score never merges two rubrics that share id@version", () => {
    const dir = folder({ "one/rubric.yaml": MINI, "one/a.yaml": AGENCY, "two/rubric.yaml": MINI.replace("threshold: 0.6", "threshold: 0.1"), "two/b.yaml": AGENCY.replace("id: a1", "id: b1") });
    const a = JSON.parse(run(["report", "one/a.yaml", "--format", "json"], dir).stdout);
    const b = JSON.parse(run(["report", "two/b.yaml", "--format", "json"], dir).stdout);
    expect(a.rubric.digest).toMatch(/^[0-9a-f]{12}$/);
    expect(b.rubric.digest).not.toBe(a.rubric.digest);
    const s = run(["score", "one", "two", "--format", "json"], dir);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("RUBRIC_MIXED");
    expect(JSON.parse(s.stdout).rubric.digest).toBe(a.rubric.digest);
  });
});

describe("4. every path is linear in its input", () => {
  it("50,000 keys in `groups`, a 3,000-deep extends chain, a 1,000-character unknown id: each within budget", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `    k${i}: v`).join("\n");
    const dir = folder({ "rubric.yaml": MINI, "groups.yaml": AGENCY.replace(/^agency: .*$/m, `agency:\n  id: a1\n  groups:\n${keys}`), "long-id.yaml": AGENCY.replace("answers:", `answers:\n  ${"x".repeat(1_000)}: 1`), "dup.yaml": `rubric: ./rubric.yaml\nagency: {id: a1}\nanswers: {}\nx: 1\n${"k: 1\n".repeat(3)}` });
    writeFileSync(join(dir, "r0.yaml"), MINI.replace("id: mini", "id: r0"));
    for (let i = 1; i < 3000; i++) writeFileSync(join(dir, `r${i}.yaml`), `id: r${i}\nextends: ./r${i - 1}.yaml\n`);
    writeFileSync(join(dir, "deep.yaml"), AGENCY.replace("./rubric.yaml", "./r2999.yaml"));
    const groups = run(["validate", "groups.yaml"], dir);
    withinBudget(groups);
    expect(groups.code).toBe(0);
    const deep = run(["report", "deep.yaml"], dir);
    withinBudget(deep);
    expect(errorLines(deep.stderr)).toEqual(["deep.yaml:1:9  error  RUBRIC_INVALID", "r2999.yaml:2:10  error  EXTENDS_TOO_DEEP"]);
    const long = run(["report", "long-id.yaml"], dir);
    withinBudget(long);
    expect(long.stderr).toContain("UNKNOWN_CRITERION");
    const dup = run(["report", "dup.yaml"], dir);
    expect(errorLines(dup.stderr)).toEqual(["dup.yaml:6:1  error  YAML_DUPLICATE_KEY", "dup.yaml:7:1  error  YAML_DUPLICATE_KEY"]);
  });
});

describe("4c. a long narrative costs what its length does", () => {
  it("a 40,000-word summary on one line: report in every format and language within budget, wrapped to the terminal's width", () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `word${i % 997}`).join(" ");
    const dir = folder({ "rubric.yaml": MINI, "long.yaml": AGENCY.replace(/^date: (.*)$/m, `date: $1\nsummary: "${words}"`) });
    for (const args of [[], ["--lang", "ar"], ["--format", "markdown"], ["--format", "html"], ["--format", "json"], ["--format", "docx", "--output", "long.docx"]]) {
      const r = run(["report", "long.yaml", ...args], dir);
      withinBudget(r);
      expect(r.code, args.join(" ")).toBe(0);
      if (args.length === 0) {
        const lines = r.stdout.split("\n");
        expect(lines.some((l) => l.startsWith("word0 word1 "))).toBe(true);
        expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("4b. a file's values are capped before any parse", () => {
  const head = "rubric: ./rubric.yaml\nagency: {id: a1}\nanswers:\n  pub.a:\n    level: 9\n    evidence:\n";
  it("7 million one-letter evidence texts in 14 MB are TOO_MANY_VALUES at once, valid or not, in every command (they took 40 s and 4.4 GB, then crashed)", () => {
    const list = `[${"a,".repeat(7_000_000)}a]`;
    const dir = folder({ "rubric.yaml": MINI, "bad.yaml": `${head}    - ${list}\n`, "good.yaml": `${head.replace("level: 9", "level: 2")}    - ${list}\n` });
    for (const file of ["bad.yaml", "good.yaml"]) {
      for (const args of [["validate", file], ["report", file], ["score", file], ["check", file, "--format", "sarif"]]) {
        const r = run(args, dir);
        withinBudget(r);
        expect(r.code).toBe(2);
        expect(r.stdout + r.stderr).toContain("TOO_MANY_VALUES");
      }
      // Lines 1–6 count 14 (line ends, `:` and `{`), line 7's `-[` 2 more: the 499,985th comma is the
      // 500,001st value, at column 7 (after `    - [`) + 2 × 499,985.
      const v = run(["validate", file], dir);
      expect(errorLines(v.stdout + v.stderr)).toEqual([`${file}:7:${7 + 2 * 499_985}  error  TOO_MANY_VALUES`]);
    }
  });

  it("a valid stream past the 100,000 values the parser with positions takes is read by the fast path in every command; one with a problem is TOO_MANY_VALUES", () => {
    // 150 agencies of 1,000 evidence texts each: some 300,000 values.
    const agency = (i: number, level: number) => `rubric: ./rubric.yaml\nagency: {id: a${i}}\nanswers:\n  pub.a: {level: ${level}, evidence: [${Array.from({ length: 1_000 }, (_, k) => `e${k}`).join(", ")}]}\n  sec.policy: true\n`;
    const stream = (bad: number) => Array.from({ length: 150 }, (_, i) => agency(i, i === bad ? 9 : 2)).join("---\n");
    const dir = folder({ "rubric.yaml": MINI, "good.yaml": stream(-1), "bad.yaml": stream(120), "policy.yaml": "rules:\n  - {id: portal, require: {criterion: pub.a, min: 3}}\n" });
    for (const args of [["validate", "good.yaml"], ["score", "good.yaml"], ["report", "good.yaml", "--agency", "a77"], ["check", "good.yaml", "--format", "github", "--allow-incomplete"]]) {
      const r = run(args, dir);
      withinBudget(r);
      expect(r.code, args.join(" ")).not.toBe(2);
      expect(r.stdout + r.stderr).not.toContain("TOO_MANY_VALUES");
    }
    const bad = run(["validate", "bad.yaml"], dir);
    withinBudget(bad);
    expect(bad.code).toBe(2);
    expect(errorLines(bad.stdout + bad.stderr)).toHaveLength(1);
    expect(errorLines(bad.stdout + bad.stderr)[0]).toMatch(/^bad\.yaml:\d+:\d+ {2}error {2}TOO_MANY_VALUES$/);
  });

  it("the costliest files under the caps stay within budget: nested dashes and brackets, 49,000 unknown keys in one flow map (40 s before: each problem searched the map from its start), 249,000 valid `groups` keys", () => {
    const keys = Array.from({ length: 249_000 }, (_, i) => `    k${i}: v`).join("\n");
    const groups = run(["score", "groups.yaml", "--group-by", "k7"], folder({ "rubric.yaml": MINI, "groups.yaml": AGENCY.replace(/^agency: .*$/m, `agency:\n  id: a1\n  groups:\n${keys}`) }));
    withinBudget(groups);
    expect(groups.code).toBe(0);
    const dir = folder({
      "rubric.yaml": MINI,
      "dashes.yaml": head + `      - ${"- ".repeat(20)}a\n`.repeat(4_400),
      "brackets.yaml": head + `      - ${"[".repeat(30)}a${"]".repeat(30)}\n`.repeat(3_000),
      "keys.yaml": `${head}      - {${Array.from({ length: 49_000 }, (_, i) => `k${i}: v`).join(",")}}\n`,
    });
    for (const file of ["dashes.yaml", "brackets.yaml", "keys.yaml"]) {
      const r = run(["validate", file], dir);
      withinBudget(r);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain("TOO_MANY_VALUES");
    }
  });
});

describe("6. text output can't speak for the CI runner", () => {
  const evil = "x\\n::error::pwned ##[group]g ##vso[task.setvariable] @octocat \\u001b[31mred";
  it("no line of any text format begins with :: or holds ##[ from a file's text; github strips controls; markdown defuses @mentions; CSV neutralises", () => {
    const dir = folder({ "rubric.yaml": MINI.replace("{value: 1, label: {en: Initial", '{value: 1, label: {en: "::warning::scale"'), "::error::file.yaml": AGENCY.replace(/name: \{en: Agency One, ar: [^}]*\}/, `name: "${evil}"`), "b.yaml": AGENCY.replace("id: a1", "id: b1").replace(/name: \{en: Agency One, ar: [^}]*\}/, 'name: "  =HYPERLINK(1)"') });
    const outputs = [
      run(["score", ".", "--format", "table"], dir),
      run(["score", ".", "--format", "markdown"], dir),
      run(["score", ".", "--format", "csv"], dir),
      run(["report", "::error::file.yaml"], dir),
      run(["report", "::error::file.yaml", "--format", "markdown"], dir),
      run(["check", ".", "--min-index", "0.99", "--format", "github"], dir),
      run(["check", ".", "--min-index", "0.99"], dir),
      run(["validate", "."], dir),
    ];
    for (const r of outputs) {
      withinBudget(r);
      for (const line of `${r.stdout}\n${r.stderr}`.split("\n")) {
        expect(line).not.toMatch(/^\s*::(?!(error|warning) file=)/);
        expect(line).not.toContain("##[");
        expect(line).not.toContain("##vso[");
        expect(line).not.toContain("::error::pwned");
        expect(line).not.toContain("\u001b[31m");
      }
    }
    expect(outputs[1]!.stdout).not.toContain("@octocat");
    expect(outputs[2]!.stdout).toContain("'  =HYPERLINK(1)");
  });
});

describe("8. writes never destroy inputs", () => {
  it("--output over an input or its rubric is OUTPUT_IS_INPUT; an existing output keeps its mode; a symlinked output is written through", () => {
    const dir = folder({ "rubric.yaml": MINI, "a.yaml": AGENCY, "out.txt": "old\n" });
    for (const target of ["a.yaml", "rubric.yaml", "./x/../a.yaml"]) {
      const r = run(["report", "a.yaml", "--output", target], dir);
      withinBudget(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("OUTPUT_IS_INPUT");
    }
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(AGENCY);
    expect(readFileSync(join(dir, "rubric.yaml"), "utf8")).toBe(MINI);
    chmodSync(join(dir, "out.txt"), 0o600);
    symlinkSync("out.txt", join(dir, "link.txt"));
    expect(run(["report", "a.yaml", "--output", "link.txt"], dir).code).toBe(0);
    expect(lstatSync(join(dir, "link.txt")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toContain("a1");
    expect(statSync(join(dir, "out.txt")).mode & 0o777).toBe(0o600);
  });

  it("import is all or nothing: a failure part-way leaves no new file and names what was not written", () => {
    const dir = folder({ "out/.keep": "" });
    mkdirSync(join(dir, "out/moh.yaml"));
    const r = run(["import", join(ROOT, "test/fixtures/csv/mini.csv"), "--rubric", join(ROOT, "test/fixtures/mini/rubric.yaml"), "--out", "out", "--force"], dir);
    withinBudget(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/moh\.yaml.*OUTPUT_NOT_WRITTEN[\s\S]*none of the \d+ files was written/);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([".keep", "moh.yaml"]);
  });
});

describe("9. init keeps every rubric text on comment lines", () => {
  it("a unit or a title with line breaks writes no YAML", () => {
    const dir = folder({ "rubric.yaml": MINI.replace('unit: "%"', 'unit: "%\\nrubric: evil\\u2028agency: {id: x}"').replace("title: {en: Mini rubric", 'title: {en: "Mini\\r\\nanswers: 1"') });
    const r = run(["init", "--rubric", "./rubric.yaml", "--agency", "a1"], dir);
    withinBudget(r);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split("\n")) expect(line).not.toMatch(/^(rubric: evil|answers: 1|agency: \{id: x\})/);
    const parsed = parse(r.stdout) as { rubric: string };
    expect(parsed.rubric).toBe("./rubric.yaml");
  });
});
