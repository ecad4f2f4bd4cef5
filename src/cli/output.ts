import { Chalk } from "chalk";
import { UsageError, type Problem } from "../core/problems.js";
import { terminalLine } from "../render/context.js";
import type { RenderContext } from "../render/context.js";
import { AtomicFileWriter, refuseOutputOverInput, writeFileAtomic, type OutputContent } from "../io/write.js";
import { cellReference } from "../io/xlsx-xml.js";

export { toolVersion } from "../io/tool-version.js";
import { toolVersion } from "../io/tool-version.js";

/** Options every command shares (declared on the program). */
export interface GlobalOptions {
  output?: string;
  /** The folder that `rubric:` paths in assessments must stay inside (default: the working folder). */
  rubricRoot?: string;
  lang?: string;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/** Colour on stdout: off with --no-color, NO_COLOR or an --output file; on with FORCE_COLOR; else on a TTY. */
export function useColor(options: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (options.color === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (options.output !== undefined && stream === process.stdout) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true;
}

/** The render context of this run. */
export function renderContext(options: GlobalOptions, lang: string): RenderContext {
  return {
    lang,
    color: useColor(options),
    toolVersion: toolVersion(),
    now: new Date(),
    width: process.stdout.isTTY && options.output === undefined ? process.stdout.columns || 80 : 80,
  };
}

/**
 * The command line's words that may name inputs: every argument but the value of -o/--output.
 * An --output that resolves to one of them, or to any file read as input, is refused.
 */
export function commandOperands(argv: readonly string[] = process.argv.slice(2)): string[] {
  return argv.filter((arg, i) => arg !== "-o" && arg !== "--output" && !arg.startsWith("--output=") && argv[i - 1] !== "-o" && argv[i - 1] !== "--output");
}

/** Writes a command's --output atomically, unless it would replace an input (`OUTPUT_IS_INPUT`). */
export function writeOutput(file: string, content: OutputContent): void {
  refuseOutputOverInput(file, commandOperands());
  writeFileAtomic(file, content);
}

/** Writes a command's output: to stdout, or atomically to --output; text in pieces is written piece by piece. */
export function emit(content: string | Iterable<string>, options: GlobalOptions): void {
  if (options.output !== undefined) writeOutput(options.output, content);
  else if (typeof content === "string") process.stdout.write(content);
  else for (const piece of content) process.stdout.write(piece);
}

/** An output written as it is produced (ndjson): `write` each piece, then `end` once everything is known. */
export interface OutputStream {
  write(piece: string): void;
  /** Puts an --output file in place (refused, with nothing replaced, when it is an input). */
  end(): void;
  /** Gives up: an --output file's temporary is removed, the previous file untouched. */
  abort(): void;
}

/**
 * An output stream: stdout, or an --output file written atomically as the pieces come (never held
 * whole); the check that it is not an input is made at the end, when every input has been read.
 */
export function outputStream(options: GlobalOptions): OutputStream {
  const file = options.output;
  const writer = file === undefined ? undefined : new AtomicFileWriter(file);
  const put = (text: string) => (writer ? writer.write(text) : void process.stdout.write(text));
  // Small pieces (a line each) are gathered into one write per turn of the event loop (what one
  // delivery of scored files produced), at most about 64 KB: one system call per line would cost more
  // than the scoring, and a reader downstream still gets each line as soon as its batch is done.
  let held: string[] = [];
  let size = 0;
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
    if (held.length === 0) return;
    put(held.join(""));
    held = [];
    size = 0;
  };
  return {
    write: (piece) => {
      held.push(piece);
      size += piece.length;
      if (size >= 1 << 16) flush();
      else scheduled ??= setImmediate(flush);
    },
    end: () => {
      flush();
      writer?.commit(() => refuseOutputOverInput(file!, commandOperands()));
    },
    abort: () => {
      if (scheduled !== undefined) clearImmediate(scheduled);
      scheduled = undefined;
      held = [];
      writer?.abort();
    },
  };
}

/**
 * Writes a binary format's bytes (xlsx, docx): atomically to --output, or to a stdout that is not a
 * terminal (a pipe or a redirect); a terminal is refused with a usage error asking for --output.
 */
export function emitBytes(bytes: Uint8Array, options: GlobalOptions, format: string): void {
  refuseTerminal(options, format);
  if (options.output !== undefined) {
    refuseOutputOverInput(options.output, commandOperands());
    writeFileAtomic(options.output, bytes);
  }
  else process.stdout.write(bytes);
}

/** A binary format bound for a terminal is a usage error (checked before any work is done). */
export function refuseTerminal(options: GlobalOptions, format: string): void {
  if (options.output === undefined && process.stdout.isTTY) throw new UsageError(`--format ${format} writes a binary file, not text for a terminal`, `add --output FILE.${format}`);
}

/** One problem as the tool prints it: `file:line:column  error  CODE  message`, then an indented hint. */
export function formatProblem(problem: Problem, color = false): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const where = `${terminalLine(problem.file ?? "<input>")}:${problem.sheet !== undefined ? terminalLine(cellReference(problem.sheet, problem.line ?? 1, problem.column ?? 1)) : `${problem.line ?? 1}:${problem.column ?? 1}`}`;
  const severity = problem.severity === "error" ? c.red("error") : c.yellow("warning");
  const doc = problem.document !== undefined && problem.document > 0 ? ` (document ${problem.document + 1})` : "";
  let text = `${where}  ${severity}  ${c.bold(problem.code)}  ${terminalLine(problem.message)}${doc}`;
  if (problem.hint) text += `\n    ${c.dim(terminalLine(problem.hint))}`;
  return text;
}

/** Prints problems to stderr, one line each (plus hints). */
export function printProblems(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const color = useColor({}, process.stderr);
  process.stderr.write(`${problems.map((p) => formatProblem(p, color)).join("\n")}\n`);
}
