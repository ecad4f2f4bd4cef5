import { Chalk } from "chalk";
import { UsageError, type Problem } from "../core/problems.js";
import { terminalLine } from "../render/context.js";
import type { RenderContext } from "../render/context.js";
import { writeFileAtomic } from "../io/write.js";
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

/** Writes a command's output: to stdout, or atomically to --output. */
export function emit(content: string, options: GlobalOptions): void {
  if (options.output !== undefined) writeFileAtomic(options.output, content);
  else process.stdout.write(content);
}

/**
 * Writes a binary format's bytes (xlsx, docx): atomically to --output, or to a stdout that is not a
 * terminal (a pipe or a redirect); a terminal is refused with a usage error asking for --output.
 */
export function emitBytes(bytes: Uint8Array, options: GlobalOptions, format: string): void {
  refuseTerminal(options, format);
  if (options.output !== undefined) writeFileAtomic(options.output, bytes);
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
