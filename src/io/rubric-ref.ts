import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

/** Why a rubric reference was refused: a code, a message and a hint, never the content of what it names. */
export interface RefProblem {
  code: string;
  message: string;
  hint?: string;
}

/** True when `child` is `parent` or lies below it (both absolute, symlinks already resolved). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A path as shown in a message: relative to the working folder when it lies inside it, else as given. */
export function shownPath(file: string): string {
  const cwd = process.cwd();
  const abs = resolve(file);
  return isInside(abs, cwd) ? relative(cwd, abs) || "." : file;
}

// The real paths of the folders references start from: a batch asks for the same few again and again.
const folders = new Map<string, string | undefined>();
function folderRealpath(dir: string): string | undefined {
  if (folders.has(dir)) return folders.get(dir);
  const real = realpath(dir);
  if (folders.size > 1000) folders.clear();
  folders.set(dir, real);
  return real;
}

/** A rubric file's name ends in .yaml or .yml: a reference to `.git/config`, `.env` or a key file is refused on its name. */
const YAML_NAME = /\.ya?ml$/i;

function inGitFolder(rel: string): boolean {
  return rel.split(sep).some((part) => part.toLowerCase() === ".git");
}

function notYaml(ref: string, kind: string): { problem: RefProblem } {
  return { problem: { code: "RUBRIC_NOT_A_FILE", message: `\`${kind}: ${ref}\` does not name a YAML file (.yaml or .yml)`, hint: "a rubric reference names a built-in rubric by id or a rubric file ending in .yaml" } };
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a path reference (`rubric:` of an assessment, `extends:` of a rubric) under the
 * confinement of DESIGN.md §2: it must be relative, and name — symlinks resolved — a regular file
 * inside `root` or inside `baseDir` (the referencing file's folder). Nothing outside is ever opened or even stat'ed: a reference that climbs out
 * is refused on its text; one that resolves out through a symlink is refused on its real path (found
 * with lstat/readlink, which open nothing); a FIFO, a device or a folder inside is refused on its
 * stat. `kind` names the reference in messages (`rubric` or `extends`).
 */
export function confineRubricPath(ref: string, baseDir: string, root: string, kind: "rubric" | "extends"): { file?: string; problem?: RefProblem } {
  const where = kind === "extends" ? "the rubric's own folder (or below)" : `the assessment's own folder, the working tree (${shownPath(root)}) or --rubric-root`;
  const outside = (why: string): { problem: RefProblem } => ({
    problem: { code: "RUBRIC_OUTSIDE", message: `\`${kind}: ${ref}\` ${why}; a rubric reference names a built-in rubric by id or a file inside ${where}`, hint: kind === "extends" ? "extend a built-in rubric by id (`extends: egov-maturity@2`), or copy the base rubric next to this one" : "copy the rubric into the working tree, pass --rubric-root <folder> to allow another folder, or name it on the command line with --rubric" },
  });
  if (ref.includes("\u0000")) return outside("is not a path");
  if (isAbsolute(ref) || /^[a-zA-Z]:[\\/]/.test(ref) || ref.startsWith("~")) return outside("is an absolute path");
  const rootReal = folderRealpath(root);
  const baseReal = folderRealpath(baseDir);
  if (rootReal === undefined || baseReal === undefined) return outside("cannot be placed: its root folder does not exist");
  // An assessment may also name a rubric in its own folder or below (where `extends` is confined anyway).
  const within = (path: string) => [rootReal, baseReal].find((top) => isInside(path, top));
  const lexical = resolve(baseReal, ref);
  const lexicalTop = within(lexical);
  if (lexicalTop === undefined) return outside("points outside the allowed folder");
  if (inGitFolder(relative(lexicalTop, lexical))) return outside("points into a `.git` folder");
  if (!YAML_NAME.test(lexical)) return notYaml(ref, kind);
  const real = realpath(lexical);
  if (real === undefined) return { problem: { code: "RUBRIC_NOT_FOUND", message: `rubric file \`${ref}\` does not exist`, hint: `looked for ${shownPath(lexical)}` } };
  const realTop = within(real);
  if (realTop === undefined) return outside("leads, through a symbolic link, outside the allowed folder");
  if (inGitFolder(relative(realTop, real))) return outside("leads, through a symbolic link, into a `.git` folder");
  if (!YAML_NAME.test(real)) return notYaml(ref, kind);
  let regular: boolean;
  try {
    regular = statSync(real).isFile();
  } catch {
    regular = false;
  }
  if (!regular) return { problem: { code: "RUBRIC_NOT_A_FILE", message: `\`${kind}: ${ref}\` is not a regular file (a folder, a pipe, a device or a socket)`, hint: "a rubric reference names a YAML file" } };
  return { file: real };
}
