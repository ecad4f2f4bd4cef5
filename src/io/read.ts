import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import type { Problem } from "../core/problems.js";
import { noteInput } from "./write.js";
import { LIMITS } from "./yaml-limits.js";

/** Reads a text input file: size-capped, UTF-8 checked, binary refused. Never throws for bad input. */
export function readTextFile(file: string): { text?: string; problems: Problem[] } {
  noteInput(file);
  const at = { file, line: 1, column: 1 } as const;
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { problems: [{ code: "IS_A_DIRECTORY", severity: "error", message: "is a directory, not a file", hint: "give a file; `score` and `validate` also take a directory", ...at }] };
    // A pipe or a device has no size to check beforehand: read it only up to the cap.
    if (!stat.isFile()) return readCapped(file);
    size = stat.size;
  } catch (error) {
    return { problems: [fsProblem(error, file)] };
  }
  if (size > LIMITS.maxFileBytes) {
    return { problems: [{ code: "FILE_TOO_LARGE", severity: "error", message: `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1048576} MB`, hint: "set EGOV_MATURITY_MAX_FILE_MB to raise the limit, or split the file", ...at }] };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { problems: [fsProblem(error, file)] };
  }
  return decodeText(bytes, file);
}

/**
 * Reads a file that must be a regular file (a rubric): opened without following a final symlink and
 * without blocking (a FIFO swapped in after the checks cannot hang the process), then checked with
 * fstat on the open descriptor, so what is read is what was checked. Anything else is
 * `RUBRIC_NOT_A_FILE`, and nothing of it is read. The bytes as they are (`decodeText` decodes them):
 * a built-in rubric is checked against its cache by its bytes.
 */
export function readRegularBytes(file: string): { bytes?: Uint8Array; problems: Problem[] } {
  noteInput(file);
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problems: [{ code: "RUBRIC_NOT_A_FILE", severity: "error", message: "is not a regular file (a folder, a pipe, a device or a socket)", hint: "a rubric is a YAML file", file, line: 1, column: 1 }] };
    if (stat.size > LIMITS.maxFileBytes) return { problems: [tooLarge(file)] };
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { bytes: bytes.subarray(0, at), problems: [] };
  } catch (error) {
    return { problems: [fsProblem(error, file)] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(file: string): Problem {
  return { code: "FILE_TOO_LARGE", severity: "error", message: `the input is larger than the limit of ${LIMITS.maxFileBytes / 1048576} MB`, hint: "set EGOV_MATURITY_MAX_FILE_MB to raise the limit, or split the file", file, line: 1, column: 1 };
}

/** Reads a stream-like file (FIFO, device) in chunks, stopping past the size cap. */
function readCapped(file: string): { text?: string; problems: Problem[] } {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(1 << 16);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      total += n;
      if (total > LIMITS.maxFileBytes) return { problems: [tooLarge(file)] };
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return decodeText(Buffer.concat(chunks), file);
  } catch (error) {
    return { problems: [fsProblem(error, file)] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Decodes bytes as UTF-8 (BOM dropped); refuses binary and invalid UTF-8 with the position of the first bad byte. */
export function decodeText(bytes: Uint8Array, file: string): { text?: string; problems: Problem[] } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = byteToPosition(bytes, nul);
    return { problems: [{ code: "BINARY_FILE", severity: "error", message: "the file holds binary data (a NUL byte), not YAML text", file, line, column }] };
  }
  try {
    let text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, problems: [] };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = byteToPosition(bytes, bad);
    return { problems: [{ code: "INVALID_UTF8", severity: "error", message: "the file is not valid UTF-8", hint: "save the file as UTF-8 (most editors: File › Save with encoding › UTF-8)", file, line, column }] };
  }
}

function byteToPosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

/** A file-system error as a problem: missing file, no permission, loops. */
export function fsProblem(error: unknown, file: string): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  const at = { file, line: 1, column: 1 } as const;
  switch (code) {
    case "ENOENT":
      return { code: "FILE_NOT_FOUND", severity: "error", message: "no such file", ...at };
    case "EACCES":
    case "EPERM":
      return { code: "FILE_UNREADABLE", severity: "error", message: "permission denied: the file cannot be read", hint: "check the file's permissions", ...at };
    case "ELOOP":
      return { code: "SYMLINK_LOOP", severity: "error", message: "a symbolic link loops back on itself", ...at };
    case "EISDIR":
      return { code: "IS_A_DIRECTORY", severity: "error", message: "is a directory, not a file", ...at };
    default:
      return { code: "FILE_UNREADABLE", severity: "error", message: `cannot read the file (${code ?? String(error)})`, ...at };
  }
}
