// validateFile (cli/validate.ts), in-process: valid assessments take the fast path, everything else
// the full parse; the verdicts are the same either way. The files are outside the working folder, so
// the rubric is given as --rubric gives it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateFile } from "../../src/cli/validate.js";
import { ROOT } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "egov-validate-"));
const rubric = `${ROOT}test/fixtures/mini/rubric.yaml`;
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe("validateFile", () => {
  it("counts the assessments of a valid stream, null documents left out", () => {
    const file = write("two.yaml", `rubric: mini\nagency: {id: a}\nanswers: {pub.a: 1}\n---\n---\nrubric: mini\nagency: {id: b}\nanswers: {pub.a: 2}\n`);
    expect(validateFile(file, rubric)).toEqual({ file, kind: "assessment", documents: 2, problems: [] });
  });

  it("words every problem of an invalid assessment with its position, as before the fast path", () => {
    const file = write("bad.yaml", `rubric: mini\nagency: {id: a}\nanswers:\n  pub.a: 9\n  pub.zz: 1\n`);
    const verdict = validateFile(file, rubric);
    expect(verdict.kind).toBe("assessment");
    expect(verdict.problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(["4:10 LEVEL_OUT_OF_RANGE", "5:3 UNKNOWN_CRITERION"]);
  });

  it("tells a rubric and a stream that mixes an assessment with a rubric from an assessment", () => {
    expect(validateFile(rubric)).toMatchObject({ kind: "rubric", documents: 1, problems: [] });
    const file = write("mixed.yaml", `rubric: mini\nagency: {id: a}\nanswers: {pub.a: 1}\n---\nid: r\nversion: 1.0.0\n`);
    const verdict = validateFile(file, rubric);
    expect(verdict.kind).toBe("assessment");
    expect(verdict.problems.map((p) => p.code)).toEqual(["NOT_AN_ASSESSMENT"]);
  });
});
