import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * Drives the BUILT `assess` command in a real pseudo-terminal (tmux, on a private server socket):
 * answers, N/A with reason and evidence, SIGKILL mid-way, --resume, finish; then validate and report.
 */
const BIN = resolve("bin/egov-maturity.js");
const MINI = resolve("test/fixtures/mini/rubric.yaml");
const SOCKET = `egov-assess-test-${process.pid}`;
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux) console.warn("test/e2e-assess skipped: tmux is not installed (apt-get install -y tmux)");

function tmux(...args: string[]): string {
  const r = spawnSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tmux ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One terminal running the command. */
class Terminal {
  constructor(readonly name: string) {}

  static start(name: string, cwd: string, args: string): Terminal {
    // The shell prints the exit status when the command ends (tmux 3.3 may not know it, or a signal's).
    tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "120", "-c", cwd, `env NO_COLOR=1 ${process.execPath} ${BIN} ${args}; echo "[exit $?]"`);
    return new Terminal(name);
  }

  screen(): string {
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", this.name);
  }

  /** The command's process id: the child of the pane's shell. */
  get pid(): number {
    const shell = tmux("display", "-p", "-t", this.name, "#{pane_pid}").trim();
    const child = spawnSync("ps", ["-o", "pid=", "--ppid", shell], { encoding: "utf8" }).stdout.trim().split(/\s+/)[0];
    return Number(child);
  }

  /** The exit status once the command has ended (128 + the signal when killed), else undefined. */
  exitStatus(): number | undefined {
    const m = /\[exit (\d+)\]/.exec(this.screen());
    return m ? Number(m[1]) : undefined;
  }

  async waitFor(test: (screen: string) => boolean, what: string, ms = 10000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (test(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await sleep(40);
    }
  }

  private answeredCount(screen = this.screen()): number {
    return (screen.match(/^✔ /gm) ?? []).length;
  }

  /** Waits for an active prompt (`? …`) containing `prompt`, types `text` and Enter, waits until it is taken. */
  async answer(prompt: string, text: string): Promise<void> {
    const before = this.answeredCount();
    await this.waitFor((s) => activePrompt(s)?.includes(prompt) === true, `the prompt "${prompt}"`);
    if (text !== "") tmux("send-keys", "-t", this.name, "-l", text);
    tmux("send-keys", "-t", this.name, "Enter");
    await this.waitFor((s) => this.answeredCount(s) > before, `"${text}" to be taken at "${prompt}"`);
  }

  async ended(): Promise<number> {
    await this.waitFor(() => this.exitStatus() !== undefined, "the command to end");
    return this.exitStatus()!;
  }
}

/** The line of the prompt waiting for input, if any. */
function activePrompt(screen: string): string | undefined {
  const lines = screen.split("\n");
  let lastDone = -1;
  lines.forEach((l, i) => {
    if (l.startsWith("✔ ")) lastDone = i;
  });
  return lines.slice(lastDone + 1).find((l) => l.startsWith("? "));
}

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

describe.skipIf(!hasTmux)("assess in a real terminal", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assess-pty-"));
    copyFileSync(MINI, join(dir, "rubric.yaml"));
    // A server kept alive by an idle session, so that finished panes stay readable.
    tmux("new-session", "-d", "-s", "keep", "sleep 600");
    tmux("set-option", "-g", "remain-on-exit", "on");
  });
  afterAll(() => {
    if (hasTmux) spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  });

  it("answers, is killed with SIGKILL mid-way, resumes, finishes; the file validates and reports the expected index", async () => {
    const term = Terminal.start("first", dir, "assess --rubric ./rubric.yaml --out agency.yaml");
    await term.answer("Agency id", ""); // the default: the file's name
    await term.answer("Agency name", "Health Directorate");
    await term.answer("Sector", "health");
    await term.answer("Region", "north");
    await term.answer("Other groups", "");
    await term.answer("Assessor", "E2E consultant");
    await term.answer("Date", "2026-11-01");
    // pub.a: a level, with evidence and a note.
    // The progress line, and every level with its descriptor in the menu.
    await term.waitFor((s) => s.includes("Publication · 1 / 6 · 17%") && s.includes("3) Established — L3"), "the first question");
    await term.answer("Level", "3");
    await term.answer("Evidence", "https://example.org/catalogue");
    await term.answer("Date of the evidence", "2026-10-01");
    await term.answer("Another piece of evidence", "");
    await term.answer("Note", "catalogue covers 41 of 45 services");
    // pub.b: N/A, with its reason and evidence.
    await term.answer("Level", "a");
    await term.answer("Why does it not apply?", "The directorate publishes no forms");
    await term.answer("Evidence", "Minister's letter 12/2026");
    await term.answer("Date of the evidence", "2026-10-02");
    await term.answer("Another piece of evidence", "");
    await term.answer("Note", "");
    // exe.share: a number.
    await term.answer("Value", "62");
    await term.answer("Evidence", "");
    await term.answer("Note", "");
    await term.waitFor((s) => activePrompt(s)?.includes("Value") === true && s.includes("Execution · 4 / 6"), "the fourth question");
    process.kill(term.pid, "SIGKILL");
    expect(await term.ended()).toBe(137);

    // Every answer given before the kill is in the file, and the file is valid.
    const saved = parse(readFileSync(join(dir, "agency.yaml"), "utf8")) as { agency: unknown; assessor: string; date: string; answers: Record<string, unknown> };
    expect(saved.agency).toEqual({ id: "agency", name: "Health Directorate", groups: { sector: "health", region: "north" } });
    expect(saved.assessor).toBe("E2E consultant");
    expect(saved.date).toBe("2026-11-01");
    const beforeKill = {
      "pub.a": { level: 3, evidence: [{ url: "https://example.org/catalogue", date: "2026-10-01" }], notes: "catalogue covers 41 of 45 services" },
      "pub.b": { na: "The directorate publishes no forms", evidence: [{ note: "Minister's letter 12/2026", date: "2026-10-02" }] },
      "exe.share": 62,
    };
    expect(saved.answers).toEqual({ ...beforeKill, "exe.days": null, "sec.policy": null, "sec.audit": null });
    expect(cli(["validate", "agency.yaml"], dir).status).toBe(0);

    const resumed = Terminal.start("second", dir, "assess --resume agency.yaml");
    const screen = await resumed.waitFor((s) => activePrompt(s) !== undefined, "the first prompt after resuming");
    expect(screen).toContain("3 of 6 criteria answered");
    expect(screen).toContain("Execution · 4 / 6");
    await resumed.answer("Value", "6");
    await resumed.answer("Evidence", "");
    await resumed.answer("Note", "");
    await resumed.answer("Answer", "y");
    await resumed.answer("Evidence", "");
    await resumed.answer("Note", "");
    await resumed.answer("Value", "60");
    await resumed.answer("Evidence", "");
    await resumed.answer("Note", "");
    await resumed.answer("What now?", "f");
    expect(await resumed.ended()).toBe(0);
    const end = resumed.screen();
    expect(end).toMatch(/Index: 75\.3%/);
    expect(end).toContain("Saved in agency.yaml. Report again: egov-maturity report agency.yaml");

    const after = parse(readFileSync(join(dir, "agency.yaml"), "utf8")) as { answers: Record<string, unknown> };
    expect(after.answers).toEqual({ ...beforeKill, "exe.days": 6, "sec.policy": true, "sec.audit": 60 });
    expect(cli(["validate", "agency.yaml"], dir).status).toBe(0);
    const report = cli(["report", "agency.yaml", "--format", "json"], dir);
    expect(report.status).toBe(0);
    // By hand: publication = pub.a alone (pub.b is N/A) = 3/4; execution = (62/100 + (1 − 6/30))/2;
    // security = (1 + 0.6 from the 50 band)/2; index = their mean (equal weights).
    const expected = (3 / 4 + (0.62 + (1 - 6 / 30)) / 2 + (1 + 0.6) / 2) / 3;
    expect((JSON.parse(report.stdout) as { index: number }).index).toBeCloseTo(expected, 12);
  });

  it("Ctrl-C says where the file is and how to resume, and exits 130", async () => {
    const term = Terminal.start("ctrlc", dir, "assess --rubric ./rubric.yaml --out ctrlc.yaml --lang ar");
    for (const prompt of ["معرّف الجهة", "اسم الجهة", "القطاع", "المنطقة", "تصنيفات أخرى", "المُقيِّم"]) await term.answer(prompt, "");
    await term.answer("التاريخ", "2026-11-01");
    await term.answer("المستوى", "2");
    await term.waitFor((s) => activePrompt(s)?.includes("الشاهد") === true, "the evidence prompt");
    tmux("send-keys", "-t", "ctrlc", "C-c");
    expect(await term.ended()).toBe(130);
    expect(term.screen()).toContain("egov-maturity assess --resume ctrlc.yaml");
    expect(cli(["validate", "ctrlc.yaml"], dir).status).toBe(0);
    expect((parse(readFileSync(join(dir, "ctrlc.yaml"), "utf8")) as { answers: Record<string, unknown> }).answers["pub.a"]).toBe(2);
  });

  it("SIGTERM while a question waits: the answers stay, the resume command is printed, exit 130", async () => {
    const term = Terminal.start("term", dir, "assess --resume ctrlc.yaml");
    await term.waitFor((s) => activePrompt(s) !== undefined, "the first question");
    process.kill(term.pid, "SIGTERM");
    expect(await term.ended()).toBe(130);
    expect(term.screen()).toContain("egov-maturity assess --resume ctrlc.yaml");
    expect(cli(["validate", "ctrlc.yaml"], dir).status).toBe(0);
  });

  it("refuses to run without a terminal: exit 2 and a pointer to init", () => {
    const r = spawnSync(process.execPath, [BIN, "assess", "--rubric", "./rubric.yaml"], { cwd: dir, input: "3\n", encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("assess needs a terminal");
    expect(r.stderr).toContain("egov-maturity init");
    expect(r.stdout).toBe("");
  });
});
