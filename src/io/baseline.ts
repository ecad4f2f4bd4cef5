import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { posix, relative, resolve, sep } from "node:path";
import { UsageError, type Problem } from "../core/problems.js";
import { loadAssessmentFile, loadAssessmentText, type AssessmentLoadOptions, type LoadedAssessment } from "./assessment-load.js";
import { expandPaths, isGlob } from "./paths.js";
import { decodeText } from "./read.js";
import { LIMITS } from "./yaml-limits.js";

/** One accepted assessment: its agency, and the file it was accepted in (for identity by file). */
export interface BaselineEntry {
  id: string;
  /** The file's identity: its path from the repository root (git) or from the baseline folder. */
  key: string;
  /** Where it was read, for messages: `origin/main:assessments/a.yaml` or the folder's file. */
  shown: string;
  loaded: LoadedAssessment;
}

/** The accepted versions of the agencies' assessments. */
export interface Baseline {
  /** What was read, in words for every format: `git merge-base of HEAD and origin/main (1a2b3c4d5e6f)`, or the folder. */
  source: string;
  kind: "folder" | "git";
  /** Git: the revision given, the mode and the commit read. */
  ref?: string;
  mode?: "merge-base" | "exact";
  commit?: string;
  entries: BaselineEntry[];
  /** The first accepted version of each agency id. */
  byAgency: Map<string, BaselineEntry>;
  /** Accepted versions that could not be read: warnings, they do not fail the check. */
  problems: Problem[];
  /** The identity key of a checked (head) file, comparable with the entries' `key`. */
  keyOf: (file: string) => string;
}

/** Output and time bounds of every git call: a repository cannot make the gate hang or eat memory. */
const GIT_MAX_BYTES = 512 * 1024 * 1024;
const GIT_TIMEOUT_MS = 120_000;

interface GitOutput {
  status: number;
  stdout: Buffer;
  stderr: string;
  missing: boolean;
}

/** Runs git with an argument array (never a shell), bounded in output and time. */
export function git(args: readonly string[], input?: string): Promise<GitOutput> {
  return new Promise((done) => {
    const child = execFile("git", [...args], { encoding: "buffer", maxBuffer: GIT_MAX_BYTES, timeout: GIT_TIMEOUT_MS, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" } }, (error, stdout, stderr) => {
        const code = (error as (NodeJS.ErrnoException & { code?: unknown }) | null)?.code;
        done({ status: error ? (typeof code === "number" ? code : 1) : 0, stdout, stderr: stderr.toString("utf8"), missing: code === "ENOENT" });
      });
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input ?? "");
  });
}

const hidden = (name: string) => name.split("/").some((part) => part.startsWith("."));
const toPosix = (p: string) => p.split(sep).join("/");

/** The folder part of a glob before its first wildcard (`assessments/**` → `assessments`). */
function globBase(glob: string): string {
  const normalised = glob.split("\\").join("/");
  const firstMagic = normalised.search(/[*?[\]{}]/);
  const end = normalised.lastIndexOf("/", firstMagic);
  return end <= 0 ? "." : normalised.slice(0, end);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads the baseline: every assessment in a folder, or every `*.yaml`/`*.yml` blob under the checked
 * paths at a git revision — by default at the merge-base of HEAD and that revision (where the branch
 * started), with `exact` at the revision itself. Throws UsageError for a baseline that cannot be read.
 */
export async function loadBaseline(spec: string, paths: readonly string[], options: AssessmentLoadOptions = {}, exact = false): Promise<Baseline> {
  const entries: BaselineEntry[] = [];
  const problems: Problem[] = [];
  const add = (key: string, shown: string, loaded: { assessments: LoadedAssessment[]; problems: Problem[] }) => {
    for (const a of loaded.assessments) entries.push({ id: a.assessment.agency.id, key, shown, loaded: a });
    // Other YAML among the accepted files (a workflow, the policy) is not an assessment: no warning.
    problems.push(...loaded.problems.filter((p) => p.code !== "NOT_AN_ASSESSMENT").map((p): Problem => ({ ...p, severity: "warning" })));
  };
  const finish = (b: Omit<Baseline, "entries" | "byAgency" | "problems">): Baseline => {
    const byAgency = new Map<string, BaselineEntry>();
    for (const e of entries) if (!byAgency.has(e.id)) byAgency.set(e.id, e);
    return { ...b, entries, byAgency, problems };
  };
  if (!exact && isDirectory(spec)) {
    const { files } = expandPaths([spec]);
    for (const file of files) add(toPosix(relative(spec, file)), file, loadAssessmentFile(file, options));
    // A checked file's identity: its path inside the checked folder it was found in.
    const roots = paths.filter(isDirectory).map((p) => resolve(p));
    const keyOf = (file: string) => {
      const abs = resolve(file);
      const root = roots.find((r) => abs.startsWith(r + sep));
      return toPosix(root !== undefined ? relative(root, abs) : relative(process.cwd(), abs));
    };
    return finish({ source: spec, kind: "folder", keyOf });
  }
  const option = exact ? "--baseline-exact" : "--baseline";
  if (spec.startsWith("-") || spec.trim() === "") throw new UsageError(`${option} ${spec} is neither a folder nor a git revision`);
  const verify = await git(["rev-parse", "--verify", "--quiet", `${spec}^{commit}`]);
  if (verify.status !== 0) {
    throw new UsageError(`${option} ${spec} is ${exact ? "not a git revision" : "neither a folder nor a git revision"}`, verify.missing ? "git is not installed or not on PATH" : "give a git revision such as origin/main (in CI, fetch it first: git fetch origin main), or a folder of accepted assessments");
  }
  let commit = verify.stdout.toString("utf8").trim();
  if (!exact) {
    const base = await git(["merge-base", "HEAD", commit]);
    if (base.status !== 0) throw new UsageError(`--baseline ${spec}: HEAD and ${spec} have no common ancestor in this clone`, "fetch the full history (actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0), or compare with the tip: --baseline-exact");
    commit = base.stdout.toString("utf8").trim();
  }
  const short = commit.slice(0, 12);
  const source = exact ? `git ${spec} (${short})` : `git merge-base of HEAD and ${spec} (${short})`;
  const prefix = (await git(["rev-parse", "--show-prefix"])).stdout.toString("utf8").trim();
  const pathspecs = paths.filter((p) => p !== "-").map((p) => (isGlob(p) ? globBase(p) : p));
  // Only regular-file blobs named *.yaml / *.yml outside hidden folders: a submodule (commit), a
  // symbolic link or a tree can never be mistaken for an assessment, nor shift the blobs read after it.
  const listed = await git(["ls-tree", "-r", "-z", "-l", "--full-name", commit, "--", ...pathspecs]);
  if (listed.status !== 0) throw new UsageError(`cannot list the files of ${spec}: ${listed.stderr.trim()}`);
  const blobs: { object: string; name: string; size: number }[] = [];
  for (const record of listed.stdout.toString("utf8").split("\0")) {
    const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(-|\d+)\t([\s\S]+)$/.exec(record);
    if (!m) continue;
    const [, mode, type, object, size, name] = m as unknown as [string, string, string, string, string, string];
    if (type !== "blob" || (mode !== "100644" && mode !== "100755") || !/\.ya?ml$/i.test(name) || hidden(name)) continue;
    if (Number(size) > LIMITS.maxFileBytes) {
      problems.push({ code: "FILE_TOO_LARGE", severity: "warning", message: `the accepted version is larger than the limit of ${LIMITS.maxFileBytes / 1048576} MB; it is not compared`, file: `${spec}:${name}`, line: 1, column: 1 });
      continue;
    }
    blobs.push({ object, name, size: Number(size) });
  }
  const read = blobs.length === 0 ? undefined : await git(["cat-file", "--batch"], blobs.map((b) => `${b.object}\n`).join(""));
  if (read !== undefined && read.status !== 0) throw new UsageError(`cannot read the files of ${spec}: ${read.stderr.trim()}`);
  let offset = 0;
  const buffer = read?.stdout ?? Buffer.alloc(0);
  for (const blob of blobs) {
    const nl = buffer.indexOf(0x0a, offset);
    if (nl < 0) break;
    const header = buffer.subarray(offset, nl).toString("utf8");
    offset = nl + 1;
    const m = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    if (!m || m[1] !== blob.object) break; // out of step: stop rather than read one file as another
    const bytes = buffer.subarray(offset, offset + Number(m[2]));
    offset += Number(m[2]) + 1;
    const shown = `${spec}:${blob.name}`;
    const decoded = decodeText(bytes, shown);
    if (decoded.text === undefined) {
      add(blob.name, shown, { assessments: [], problems: decoded.problems });
      continue;
    }
    // Relative rubric references resolve against the file's place in the working tree.
    const local = blob.name.startsWith(prefix) ? blob.name.slice(prefix.length) : posix.relative(prefix, blob.name);
    const loaded = loadAssessmentText(decoded.text, local, options);
    add(blob.name, shown, { assessments: loaded.assessments, problems: loaded.problems.map((p) => ({ ...p, file: shown })) });
  }
  const keyOf = (file: string) => posix.normalize(prefix + toPosix(relative(process.cwd(), resolve(file))));
  return finish({ source, kind: "git", ref: spec, mode: exact ? "exact" : "merge-base", commit, keyOf });
}
