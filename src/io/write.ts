import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
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

/**
 * Writes a file atomically: the content goes to a temporary file beside the target, is flushed to
 * disk, then renamed over the target. A failure at any point leaves the previous file untouched,
 * removes the temporary file, and throws a {@link WriteError}.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", 0o644);
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    // writeSync may write less than asked (a full disk reports it on the next call): loop to the end.
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    throw new WriteError(file, error);
  }
}
