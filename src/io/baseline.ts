import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { UsageError, type Problem } from "../core/problems.js";
import { loadAssessmentFile, loadAssessmentText, type AssessmentLoadOptions, type LoadedAssessment } from "./assessment-load.js";
import { expandPaths, isGlob } from "./paths.js";
import { decodeText } from "./read.js";

/** The accepted versions of the agencies' assessments, by agency id. */
export interface Baseline {
  /** What was read: the folder, or `git <ref>`. */
  source: string;
  byAgency: Map<string, LoadedAssessment>;
  /** Accepted versions that could not be read: warnings, they do not fail the check. */
  problems: Problem[];
}

/**
 * Reads the baseline: every assessment in a folder, or every YAML file under the checked paths at a
 * git revision (`origin/main`, `HEAD~1`), read through git. Git runs with argument arrays, never a shell.
 */
export function loadBaseline(spec: string, paths: readonly string[], options: AssessmentLoadOptions = {}): Baseline {
  let isDir = false;
  try {
    isDir = statSync(spec).isDirectory();
  } catch {
    isDir = false;
  }
  const baseline: Baseline = { source: spec, byAgency: new Map(), problems: [] };
  const add = (loaded: { assessments: LoadedAssessment[]; problems: Problem[] }) => {
    for (const a of loaded.assessments) if (!baseline.byAgency.has(a.assessment.agency.id)) baseline.byAgency.set(a.assessment.agency.id, a);
    baseline.problems.push(...loaded.problems.map((p): Problem => ({ ...p, severity: "warning" })));
  };
  if (isDir) {
    const { files } = expandPaths([spec]);
    for (const file of files) add(loadAssessmentFile(file, options));
    return baseline;
  }
  if (spec.startsWith("-") || spec.trim() === "") throw new UsageError(`--baseline ${spec} is neither a folder nor a git revision`);
  const verify = git(["rev-parse", "--verify", "--quiet", `${spec}^{commit}`]);
  if (verify.status !== 0) {
    throw new UsageError(`--baseline ${spec} is neither a folder nor a git revision`, verify.error ? "git is not installed or not on PATH" : "give a folder of accepted assessments, or a git revision such as origin/main or HEAD~1 (in CI, fetch it first: git fetch origin main)");
  }
  const commit = verify.stdout.toString("utf8").trim();
  baseline.source = `git ${spec}`;
  const pathspecs = paths.filter((p) => p !== "-").map((p) => (isGlob(p) ? globBase(p) : p));
  const listed = git(["ls-tree", "-r", "-z", "--name-only", "--full-name", commit, "--", ...pathspecs]);
  if (listed.status !== 0) throw new UsageError(`cannot list the files of ${spec}: ${listed.stderr.toString("utf8").trim()}`);
  const names = listed.stdout.toString("utf8").split("\0").filter((n) => /\.ya?ml$/i.test(n) && !n.includes("\n"));
  const prefix = git(["rev-parse", "--show-prefix"]).stdout.toString("utf8").trim();
  for (const [name, bytes] of readBlobs(commit, names)) {
    const shown = `${spec}:${name}`;
    const decoded = decodeText(bytes, shown);
    if (decoded.text === undefined) {
      add({ assessments: [], problems: decoded.problems });
      continue;
    }
    // Relative rubric references resolve against the file's place in the working tree.
    const local = name.startsWith(prefix) ? name.slice(prefix.length) : name;
    const loaded = loadAssessmentText(decoded.text, local, options);
    add({ assessments: loaded.assessments, problems: loaded.problems.map((p) => ({ ...p, file: shown })) });
  }
  return baseline;
}

function git(args: string[], input?: string) {
  return spawnSync("git", args, { maxBuffer: 1024 * 1024 * 1024, input, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
}

/** The folder part of a glob before its first wildcard (`assessments/**` → `assessments`). */
function globBase(glob: string): string {
  const normalised = glob.split("\\").join("/");
  const firstMagic = normalised.search(/[*?[\]{}]/);
  const end = normalised.lastIndexOf("/", firstMagic);
  return end <= 0 ? "." : normalised.slice(0, end);
}

/** The contents of many files at a commit, in one `git cat-file --batch`. */
function readBlobs(commit: string, names: readonly string[]): [string, Buffer][] {
  if (names.length === 0) return [];
  const out = git(["cat-file", "--batch"], names.map((n) => `${commit}:${n}\n`).join(""));
  const blobs: [string, Buffer][] = [];
  const buffer = out.stdout;
  let offset = 0;
  for (const name of names) {
    const nl = buffer.indexOf(0x0a, offset);
    if (nl < 0) break;
    const header = buffer.subarray(offset, nl).toString("utf8");
    offset = nl + 1;
    const match = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[1]);
    blobs.push([name, buffer.subarray(offset, offset + size)]);
    offset += size + 1;
  }
  return blobs;
}
