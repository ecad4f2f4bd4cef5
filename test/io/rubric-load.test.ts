import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { loadRubricFile } from "../../src/io/rubric-load.js";
import { score } from "../../src/core/score.js";

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "egov-rubric-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const codes = (problems: { code: string; line?: number; column?: number }[]) => problems.map((p) => `${p.line}:${p.column} ${p.code}`);

const BASE = `id: base
version: 1.2.0
languages: [en]
title: Base
scale: [{value: 0, label: No}, {value: 1, label: Some}, {value: 2, label: Full}]
dimensions:
  - id: publication
    kind: stage
    title: Publication
    requires: [{dimension: security, min: 0.5}]
    criteria:
      - {id: pub.a, title: A, levels: {0: none, 1: some, 2: all}}
      - {id: pub.b, title: B, levels: {0: none, 1: some, 2: all}}
  - id: security
    kind: prerequisite
    title: Security
    criteria:
      - {id: sec.a, title: S, type: boolean}
`;

describe("rubric rules, each at the offending line", () => {
  it("finds every rule violation in one pass", () => {
    const root = dir({
      "r.yaml": `id: bad
version: 1.0.0
languages: [en]
title: Bad
scale: [{value: 0, label: No}, {value: 1, label: Yes}]
classification:
  - {id: low, min: 0, label: Low}
  - {id: high, min: 0.5, label: High}
dimensions:
  - id: publication
    kind: stage
    title: Publication
    wieght: 2
    requires: [{dimension: securty, min: 0.5}]
    criteria:
      - {id: pub.a, title: A, levels: {0: none}}
      - {id: pub.a, title: A2, type: boolean}
      - {id: pub.n, title: N, type: number, min: 0, max: 10, bands: [{min: 0, score: 1}]}
      - {id: pub.m, title: M, type: number, bands: [{min: 0, score: 0}, {min: 5, score: 1}]}
      - {id: pub.w, title: W, type: boolean, weight: 0}
  - id: security
    kind: prerequisite
    title: Security
    threshold: 0.5
    criteria:
      - {id: sec.a, title: S, type: boolean}
`,
    });
    const { problems, rubric } = loadRubricFile(join(root, "r.yaml"));
    expect(rubric).toBeUndefined();
    // Schema problems and the rules a schema cannot state, together in one pass (the values that
    // failed the schema are set aside for the second look).
    expect(codes(problems)).toEqual([
      "8:21 BANDS_NOT_DESCENDING",
      "13:5 UNKNOWN_KEY",
      "14:28 UNKNOWN_PREREQUISITE",
      "16:31 MISSING_LEVEL",
      "17:14 DUPLICATE_ID",
      "18:62 NUMBER_SCORING_CONFLICT",
      "19:79 BANDS_NOT_DESCENDING",
      "20:54 OUT_OF_RANGE",
      "24:5 STAGE_ONLY",
    ]);
    expect(problems.find((p) => p.code === "UNKNOWN_KEY")!.hint).toBe("did you mean `weight`?");
    const second = { problems };
    expect(second.problems.find((p) => p.code === "UNKNOWN_PREREQUISITE")!.hint).toBe("did you mean `security`?");
  });
});

describe("extends", () => {
  it("overrides weights, thresholds and texts by id, adds and removes criteria, adds a language", () => {
    const root = dir({
      "base.yaml": BASE,
      "child.yaml": `id: child
extends: ./base.yaml
languages: [en, ar]
title: {ar: أساس}
dimensions:
  - id: publication
    threshold: 0.9
    title: {ar: مرحلة الإعلان}
    criteria:
      - {id: pub.a, weight: 3}
      - {id: pub.c, title: {en: C, ar: ج}, type: boolean}
remove: [pub.b]
`,
    });
    const { rubric, problems } = loadRubricFile(join(root, "child.yaml"));
    expect(problems).toEqual([]);
    expect(rubric!.version).toBe("1.2.0");
    expect(rubric!.title).toEqual({ en: "Base", ar: "أساس" });
    const pub = rubric!.dimensions.find((d) => d.id === "publication")!;
    expect(pub.threshold).toBe(0.9);
    expect(pub.title).toEqual({ en: "Publication", ar: "مرحلة الإعلان" });
    expect(pub.criteria.map((c) => [c.id, c.weight])).toEqual([["pub.a", 3], ["pub.c", 1]]);
    expect(pub.requires).toEqual([{ dimension: "security", min: 0.5 }]);
  });

  it("scores an assessment against the extended rubric", () => {
    const root = dir({ "base.yaml": BASE, "child.yaml": "id: child\nextends: ./base.yaml\nremove: [pub.b]\n" });
    const load = loadAssessmentText("rubric: ./child.yaml\nagency: {id: a}\nanswers: {pub.a: 2, sec.a: true}\n", join(root, "a.yaml"), { rubricRoot: root });
    expect(load.problems).toEqual([]);
    const report = score(load.assessments[0]!.rubric, load.assessments[0]!.assessment);
    expect(report.index).toBe(1);
    expect(report.stage.current).toBe("publication");
  });

  it("extends a built-in rubric by id@major", () => {
    const root = dir({ "mine.yaml": "id: mine\nextends: egov-maturity@1\nremove: [delivery.smart-services]\ndimensions:\n  - id: execution\n    weight: 2\n" });
    const { rubric, problems } = loadRubricFile(join(root, "mine.yaml"));
    expect(problems).toEqual([]);
    expect(rubric!.criteria.has("delivery.smart-services")).toBe(false);
    expect(rubric!.dimensions.find((d) => d.id === "execution")!.weight).toBe(2);
  });

  it.each([
    ["itself", { "a.yaml": "id: a\nextends: ./a.yaml\n" }, "a.yaml", "EXTENDS_CYCLE"],
    ["a cycle", { "a.yaml": "id: a\nextends: ./b.yaml\n", "b.yaml": "id: b\nextends: ./a.yaml\n" }, "a.yaml", "EXTENDS_CYCLE"],
    ["a path that climbs out of the folder", { "sub/a.yaml": "id: a\nextends: ../base.yaml\n", "base.yaml": BASE }, "sub/a.yaml", "RUBRIC_OUTSIDE"],
    ["a missing file", { "a.yaml": "id: a\nextends: ./nope.yaml\n" }, "a.yaml", "RUBRIC_NOT_FOUND"],
    ["an unknown built-in", { "a.yaml": "id: a\nextends: egov-maturty\n" }, "a.yaml", "RUBRIC_NOT_FOUND"],
    ["an override of a misspelt criterion (no title: not a new one)", { "a.yaml": "id: a\nextends: ./base.yaml\ndimensions:\n  - id: publication\n    criteria:\n      - {id: pub.aa, weight: 2}\n", "base.yaml": BASE }, "a.yaml", "UNKNOWN_CRITERION"],
    ["a removal of an unknown criterion", { "a.yaml": "id: a\nextends: ./base.yaml\nremove: [pub.z]\n", "base.yaml": BASE }, "a.yaml", "UNKNOWN_CRITERION"],
  ])("refuses %s, at the offending line", (_name, files, entry, code) => {
    const root = dir(files);
    const { problems } = loadRubricFile(join(root, entry));
    expect(problems[0]!.code).toBe(code);
    expect(problems[0]!.file).toBe(join(root, entry));
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
