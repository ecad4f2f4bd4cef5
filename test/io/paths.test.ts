// Glob expansion of path arguments (io/paths.ts, picomatch): braces, classes, and malformed globs.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/problems.js";
import { expandPaths, globMatcher, isGlob } from "../../src/io/paths.js";
import { cli } from "../helpers.js";

describe("globMatcher", () => {
  const cases: [glob: string, matches: string[], not: string[]][] = [
    ["{a?,b}.yaml", ["a1.yaml", "ab.yaml", "b.yaml"], ["a.yaml", "a12.yaml", "c.yaml"]],
    ["a{b,c{d,e}}f.yaml", ["abf.yaml", "acdf.yaml", "acef.yaml"], ["acf.yaml", "ac{d,e}f.yaml", "abdf.yaml"]],
    ["x[!a].yaml", ["xb.yaml", "x1.yaml"], ["xa.yaml", "x.yaml", "xbb.yaml"]],
    ["x[!a]y.yaml", ["xby.yaml"], ["x/y.yaml", "xay.yaml"]],
    ["*.yaml", ["a.yaml"], ["d/a.yaml"]],
    ["**/*.yaml", ["a.yaml", "d/a.yaml", "d/e/a.yaml"], ["a.yml"]],
    ["[ab]*.y{a,}ml", ["a.yaml", "bc.yml"], ["c.yaml"]],
  ];
  for (const [glob, yes, no] of cases) {
    it(glob, () => {
      const m = globMatcher(glob);
      for (const p of yes) expect(m(p), `${glob} should match ${p}`).toBe(true);
      for (const p of no) expect(m(p), `${glob} should not match ${p}`).toBe(false);
    });
  }

  it("a malformed glob is a usage error", () => {
    for (const glob of ["x[.yaml", "{a,b.yaml", "a{b,c{d}.yaml"]) expect(() => globMatcher(glob), glob).toThrow(UsageError);
  });

  it("knows a glob from a path", () => {
    expect(isGlob("examples/*.yaml")).toBe(true);
    expect(isGlob("a{b,c}.yaml")).toBe(true);
    expect(isGlob("examples/health-ministry.yaml")).toBe(false);
  });
});

describe("expandPaths with globs", () => {
  const dir = mkdtempSync(join(tmpdir(), "egov-glob-"));
  for (const f of ["a.yaml", "a1.yaml", "b.yaml", "abf.yaml", "acdf.yaml", "acf.yaml", "xa.yaml", "xb.yaml", "sub/xc.yaml", "t.csv", "n.txt"]) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), "x: 1\n");
  }
  const names = (glob: string) => expandPaths([`${dir}/${glob}`]).files.map((f) => f.slice(dir.length + 1));

  it("expands braces, nested braces and negated classes as a shell does", () => {
    expect(names("{a?,b}.yaml")).toEqual(["a1.yaml", "b.yaml"]);
    expect(names("a{b,c{d,e}}f.yaml")).toEqual(["abf.yaml", "acdf.yaml"]);
    expect(names("x[!a].yaml")).toEqual(["xb.yaml"]);
    expect(names("**/x*.yaml")).toEqual(["sub/xc.yaml", "xa.yaml", "xb.yaml"]);
    expect(names("*")).toEqual(["a.yaml", "a1.yaml", "abf.yaml", "acdf.yaml", "acf.yaml", "b.yaml", "t.csv", "xa.yaml", "xb.yaml"]);
  });

  it("names a glob that matches nothing", () => {
    expect(expandPaths([`${dir}/z*.yaml`]).problems.map((p) => p.code)).toEqual(["NO_MATCH"]);
  });

  it("refuses a malformed glob as a usage error", () => {
    expect(() => expandPaths([`${dir}/x[.yaml`])).toThrow(UsageError);
  });

  it("the CLI exits 2 on a malformed glob, with no stack trace", () => {
    for (const command of ["validate", "score"]) {
      const r = cli([command, `${dir}/{a,b.yaml`]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: `.*\{a,b\.yaml` is not a valid glob/);
      expect(r.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
    }
  });
});

describe("expandPaths of a folder", () => {
  it("names each file as path.join(the argument as written, the path below it)", () => {
    // The walk joins a folder's prefix once and appends each name: the same names as join() per file,
    // however the folder argument is spelt (trailing or doubled slashes, `.` and `..` segments).
    const dir = mkdtempSync(join(tmpdir(), "egov-walk-"));
    mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
    for (const f of ["a.yaml", "b.yml", "sub/c.yaml", "sub/deeper/d.yaml"]) writeFileSync(join(dir, f), "x: 1\n");
    const below = ["a.yaml", "b.yml", "sub/c.yaml", "sub/deeper/d.yaml"].map((f) => f.split("/"));
    for (const arg of [dir, `${dir}/`, `${dir}//`, `${dir}/.`, `${dir}/./`, `${dir}/sub/..`, `${dir}/sub/../`]) {
      const { files, problems } = expandPaths([arg]);
      expect(problems, arg).toEqual([]);
      expect(files, arg).toEqual(below.map((parts) => join(arg, ...parts)));
    }
  });
});
