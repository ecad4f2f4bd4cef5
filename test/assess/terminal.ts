import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * A real pseudo-terminal for the `assess` end-to-end tests: tmux on a private server socket runs
 * the BUILT command; the test types into it and reads its screen. Every key sent is counted.
 */
export const BIN = resolve("bin/egov-maturity.js");
export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A tmux server of its own (one per test file). */
export class TmuxServer {
  constructor(readonly socket: string) {}

  run(...args: string[]): string {
    const r = spawnSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`tmux ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  }

  /** Keeps the server alive with an idle session, so that finished panes stay readable. */
  open(): void {
    this.run("new-session", "-d", "-s", "keep", "sleep 900");
    this.run("set-option", "-g", "remain-on-exit", "on");
  }

  close(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}

/** The line of the prompt waiting for input, if any (after the last answered prompt `✔ …`). */
export function activePrompt(screen: string): string | undefined {
  const lines = screen.split("\n");
  let lastDone = -1;
  lines.forEach((l, i) => {
    if (l.startsWith("✔ ")) lastDone = i;
  });
  return lines.slice(lastDone + 1).find((l) => l.startsWith("? "));
}

/** One terminal running the command. */
export class Terminal {
  /** Keys typed so far: every character of a text and every Enter. */
  keystrokes = 0;

  constructor(
    readonly server: TmuxServer,
    readonly name: string,
  ) {}

  static start(server: TmuxServer, name: string, cwd: string, args: string, size = { columns: 200, rows: 120 }): Terminal {
    // The shell prints the exit status when the command ends (tmux 3.3 may not know it, or a signal's).
    server.run("new-session", "-d", "-s", name, "-x", String(size.columns), "-y", String(size.rows), "-c", cwd, `env NO_COLOR=1 ${process.execPath} ${BIN} ${args}; echo "[exit $?]"`);
    return new Terminal(server, name);
  }

  screen(): string {
    return this.server.run("capture-pane", "-p", "-J", "-S", "-", "-t", this.name);
  }

  /** What is visible now (the last screenful), without the scroll-back. */
  visible(): string {
    return this.server.run("capture-pane", "-p", "-t", this.name);
  }

  /** The command's process id: the child of the pane's shell. */
  get pid(): number {
    const shell = this.server.run("display", "-p", "-t", this.name, "#{pane_pid}").trim();
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

  answeredCount(screen = this.screen()): number {
    return (screen.match(/^✔ /gm) ?? []).length;
  }

  /** Types a text (counted character by character) and, unless `enter` is false, Enter. */
  type(text: string, enter = true): void {
    if (text !== "") this.server.run("send-keys", "-t", this.name, "-l", text);
    this.keystrokes += [...text].length;
    if (enter) {
      this.server.run("send-keys", "-t", this.name, "Enter");
      this.keystrokes += 1;
    }
  }

  /** Waits for an active prompt containing `prompt`, types `text` and Enter, waits until it is taken. */
  async answer(prompt: string, text: string): Promise<void> {
    const before = this.answeredCount();
    await this.waitFor((s) => activePrompt(s)?.includes(prompt) === true, `the prompt "${prompt}"`);
    this.type(text);
    await this.waitFor((s) => this.answeredCount(s) > before, `"${text}" to be taken at "${prompt}"`);
  }

  /** Types `text` and Enter at the prompt `prompt` and waits for the refusal `message` (nothing is taken). */
  async refused(prompt: string, text: string, message: string): Promise<string> {
    const before = this.answeredCount();
    await this.waitFor((s) => activePrompt(s)?.includes(prompt) === true, `the prompt "${prompt}"`);
    this.type(text);
    const screen = await this.waitFor((s) => s.includes(message), `the refusal "${message}"`);
    if (this.answeredCount() !== before) throw new Error(`"${text}" was taken at "${prompt}"`);
    return screen;
  }

  /** Clears the line being typed (Ctrl-U), counted as one key. */
  clearLine(): void {
    this.server.run("send-keys", "-t", this.name, "C-u");
    this.keystrokes += 1;
  }

  /**
   * Finishes at the review (`f`), passing the optional executive-summary step with Enter when the
   * assessment format has one, and returns the exit status.
   */
  async finish(): Promise<number> {
    await this.answer("What now?", "f");
    const screen = await this.waitFor((s) => this.exitStatus() !== undefined || activePrompt(s)?.includes("Executive summary") === true, "the end or the summary", 20000);
    if (this.exitStatus() === undefined && activePrompt(screen)?.includes("Executive summary") === true) await this.answer("Executive summary", "");
    return this.ended();
  }

  async ended(): Promise<number> {
    await this.waitFor(() => this.exitStatus() !== undefined, "the command to end", 20000);
    return this.exitStatus()!;
  }
}
