import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { isMainThread } from "node:worker_threads";
import type { Problem } from "../core/problems.js";

/**
 * A failed write, in the user's terms: `problem` names the target (not the temporary file) and what
 * went wrong; `code` keeps the file-system error code (ENOENT, EACCES, ENOSPC, ...) for callers
 * that branch on it. The previous content of the target is untouched.
 */
export class WriteError extends Error {
  readonly code: string | undefined;
  readonly problem: Problem;
  constructor(file: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const problem = writeProblem(file, code);
    super(`${file}: ${problem.message}`, { cause });
    this.name = "WriteError";
    this.code = code;
    this.problem = problem;
  }
}

function writeProblem(file: string, code: string | undefined): Problem {
  if (code === "OUTPUT_IS_INPUT") {
    return { code: "OUTPUT_IS_INPUT", severity: "error", message: "the output would overwrite one of the inputs (or the rubric they name)", hint: "give --output another file; nothing was written", file, line: 1, column: 1 };
  }
  const dir = dirname(file);
  const reasons: Record<string, [string, string]> = {
    ENOENT: [`the folder \`${dir}\` does not exist`, "create the folder first, or give another path"],
    ENOTDIR: [`a part of \`${dir}\` is a file, not a folder`, "give a path inside a folder"],
    EISDIR: ["it is a folder; give a file name", `e.g. ${join(file, "report.out")}`],
    EACCES: [`no permission to write in \`${dir}\``, "check the folder's permissions, or give another path"],
    EPERM: [`no permission to write in \`${dir}\``, "check the folder's permissions, or give another path"],
    EROFS: ["the file system is read-only", "give a path on a writable disk"],
    ENOSPC: ["the disk is full", "free some space, or give a path on another disk"],
    EDQUOT: ["the disk quota is used up", "free some space, or give a path on another disk"],
  };
  const [message, hint] = reasons[code ?? ""] ?? [`the file could not be written (${code ?? "unknown error"})`, "give another path"];
  return { code: "OUTPUT_NOT_WRITTEN", severity: "error", message: `cannot write the output: ${message}`, hint: `${hint}; nothing was written, and the previous file (if any) is unchanged`, file, line: 1, column: 1 };
}

// The real paths of every file read as an input in this process (assessments, rubrics, policies,
// mappings, baselines): an output must never replace one of them (DESIGN.md §7).
const inputs = new Set<string>();
// In a worker thread, the inputs noted since the thread last reported them: the main thread, which
// writes the output, must know them too (a rubric only a batch worker read is still an input).
const unreported: string[] = [];

function realOrResolved(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return resolve(file);
  }
}

/** Notes a file that was read as an input, so that no output replaces it. */
export function noteInput(file: string): void {
  const real = realOrResolved(file);
  if (inputs.has(real)) return;
  inputs.add(real);
  if (!isMainThread) unreported.push(real);
}

/** The inputs this worker thread noted since the last call (for the main thread's {@link noteInput}). */
export function takeUnreportedInputs(): string[] {
  return unreported.splice(0);
}

/**
 * Refuses (with a {@link WriteError} `OUTPUT_IS_INPUT`) an output that resolves, symlinks followed,
 * to a file read as an input, or to one of `more` (the command line's operands: an output inside a
 * folder given as input that would be read as one is refused too).
 */
export function refuseOutputOverInput(file: string, more: readonly string[] = []): void {
  const target = realOrResolved(file);
  const clash = inputs.has(target) || more.some((operand) => {
    const real = realOrResolved(operand);
    if (real === target) return true;
    try {
      return statSync(real).isDirectory() && target.startsWith(`${real}/`) && /\.(ya?ml|csv)$/i.test(target);
    } catch {
      return false;
    }
  });
  if (clash) throw new WriteError(file, Object.assign(new Error("output is an input"), { code: "OUTPUT_IS_INPUT" }));
}

/** What an output is made of: one string or buffer, or pieces of text written one after another. */
export type OutputContent = string | Uint8Array | Iterable<string>;

/**
 * Writes a file atomically: the content goes to a temporary file beside the target, is flushed to
 * disk, then renamed over the target. A failure at any point leaves the previous file untouched,
 * removes the temporary file, and throws a {@link WriteError}. A target that exists keeps its file
 * mode. A target that is a symbolic link is written through: the file it points to is replaced
 * (atomically, beside itself), and the link stays. Content given in pieces is written piece by
 * piece, so an output of any size is never held as one string. (A command's --output is first
 * checked with {@link refuseOutputOverInput}; `assess` saves over the draft it read, on purpose.)
 */
export function writeFileAtomic(file: string, content: OutputContent): void {
  const writer = new AtomicFileWriter(file);
  if (typeof content === "string" || content instanceof Uint8Array) writer.write(content);
  else {
    try {
      for (const piece of content) writer.write(piece);
    } catch (error) {
      writer.abort();
      throw error;
    }
  }
  writer.commit();
}

/**
 * A file written atomically in pieces, as they come (an ndjson stream, a large batch): every piece
 * goes to the temporary file beside the target; `commit` flushes it and renames it over the target
 * (after `beforeCommit`, which may refuse by throwing: nothing is then replaced); `abort` removes it.
 * A failure while writing is kept and thrown by `commit`, so a stream is never interrupted half-way.
 */
export class AtomicFileWriter {
  private readonly target: string;
  private readonly temp: string;
  private fd: number | undefined;
  private failure: unknown;
  private opened = false;

  constructor(private readonly file: string) {
    this.target = resolveLink(file);
    this.temp = temporaryBeside(this.target);
  }

  /** Appends a piece of the content (text as UTF-8). */
  write(piece: string | Uint8Array): void {
    if (this.failure !== undefined) return;
    try {
      if (!this.opened) this.open();
      const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      // writeSync may write less than asked (a full disk reports it on the next call): loop to the end.
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd!, bytes, at, bytes.length - at);
    } catch (error) {
      this.failure = error;
    }
  }

  /** Flushes and renames the file into place; throws a {@link WriteError} (the previous file unchanged). */
  commit(beforeCommit?: () => void): void {
    try {
      if (!this.opened) this.open();
      if (this.failure !== undefined) throw this.failure;
      beforeCommit?.();
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.target);
    } catch (error) {
      this.abort();
      throw error instanceof WriteError ? error : new WriteError(this.file, error);
    }
  }

  /** Removes the temporary file; the target is untouched. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    if (!this.opened) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // never created
    }
  }

  private open(): void {
    this.opened = true;
    this.fd = openSync(this.temp, "wx", 0o644);
    const mode = existingMode(this.target);
    if (mode !== undefined) chmodSync(this.temp, mode);
  }
}

/** A temporary file name beside `file`, unique to this process and moment. */
export function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** The file a symbolic link leads to (written through); the path itself otherwise. */
function resolveLink(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? realpathSync.native(file) : file;
  } catch {
    return file;
  }
}

function existingMode(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes several files as one: every content goes to a temporary file beside its target first;
 * only when all are written and flushed are they renamed into place. A failure while writing
 * leaves no new file (every temporary removed); a failure while renaming removes the files this
 * call had created. The {@link WriteError} names the file that failed, and its hint says how many
 * of the files were not written.
 */
export function writeFilesAtomic(files: readonly { path: string; content: string }[]): void {
  const temps: { temp: string; target: string; existed: boolean }[] = [];
  const cleanUp = () => {
    for (const { temp } of temps) {
      try {
        unlinkSync(temp);
      } catch {
        // renamed or never created
      }
    }
  };
  for (const { path, content } of files) {
    const target = resolveLink(path);
    const temp = temporaryBeside(target);
    let fd: number | undefined;
    try {
      fd = openSync(temp, "wx", 0o644);
      temps.push({ temp, target, existed: existingMode(target) !== undefined });
      const mode = existingMode(target);
      if (mode !== undefined) chmodSync(temp, mode);
      const bytes = Buffer.from(content, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      cleanUp();
      throw allOrNothing(path, error, files.length);
    }
  }
  const renamed: { target: string; existed: boolean }[] = [];
  for (const t of temps) {
    try {
      renameSync(t.temp, t.target);
      renamed.push(t);
    } catch (error) {
      cleanUp();
      for (const r of renamed) if (!r.existed) try { unlinkSync(r.target); } catch { /* already gone */ }
      throw allOrNothing(t.target, error, files.length);
    }
  }
}

function allOrNothing(file: string, cause: unknown, total: number): WriteError {
  const error = new WriteError(file, cause);
  error.problem.hint = `${error.problem.hint ?? ""}; none of the ${total} files was written`;
  return error;
}
