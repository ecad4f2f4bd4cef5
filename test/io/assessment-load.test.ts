import { describe, expect, it } from "vitest";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { ROOT } from "../helpers.js";

const FILE = `${ROOT}test/fixtures/mini/inline.yaml`;
const load = (text: string) => loadAssessmentText(text, FILE);
const codes = (text: string) => load(text).problems.map((p) => `${p.line}:${p.column} ${p.code}`);

describe("assessment files", () => {
  it("reads several assessments from one multi-document stream, in order", () => {
    const { assessments, problems } = load("rubric: ./rubric.yaml\nagency: {id: a}\nanswers: {pub.a: 1}\n---\nrubric: ./rubric.yaml\nagency: {id: b}\nanswers: {pub.a: 2}\n---\n");
    expect(problems).toEqual([]);
    expect(assessments.map((a) => [a.assessment.agency.id, a.document])).toEqual([["a", 0], ["b", 1]]);
  });

  it("accepts every answer form: bare level, true/false, number, full form with evidence and notes, N/A with reason, empty", () => {
    const { assessments, problems } = load(`rubric: ./rubric.yaml
agency: {id: a, name: {en: A, ar: أ}, groups: {sector: health, tier: 2}}
date: 2026-11-01
targets: {publication: 0.9}
answers:
  pub.a: 3
  pub.b: {level: 2, evidence: [https://example.org/x, "minutes of 3 May", {url: "https://e.org/y", note: n, date: 2026-10-01}], notes: fine}
  exe.share: {value: 62.5}
  exe.days:
  sec.policy: true
  sec.audit: {na: "no audits are required of this agency"}
`);
    expect(problems).toEqual([]);
    const a = assessments[0]!.assessment;
    expect(a.agency.groups).toEqual({ sector: "health", tier: "2" });
    expect(a.targets).toEqual({ publication: 0.9 });
    expect(a.answers.get("pub.a")!.answer).toEqual({ kind: "level", level: 3 });
    expect(a.answers.get("pub.b")!.evidence).toEqual([{ url: "https://example.org/x" }, { note: "minutes of 3 May" }, { url: "https://e.org/y", note: "n", date: "2026-10-01" }]);
    expect(a.answers.get("pub.b")!.notes).toBe("fine");
    expect(a.answers.get("exe.share")!.answer).toEqual({ kind: "number", value: 62.5 });
    expect(a.answers.get("exe.days")!.answer).toEqual({ kind: "unanswered" });
    expect(a.answers.get("sec.policy")!.answer).toEqual({ kind: "boolean", value: true });
    expect(a.answers.get("sec.audit")!.answer).toEqual({ kind: "na", reason: "no audits are required of this agency" });
  });

  it.each([
    ["a level out of range", "answers: {pub.a: 5}", "3:18 LEVEL_OUT_OF_RANGE"],
    ["a fractional level", "answers: {pub.a: 2.5}", "3:18 LEVEL_OUT_OF_RANGE"],
    ["a negative level", "answers: {pub.a: -1}", "3:18 LEVEL_OUT_OF_RANGE"],
    ["a level as a string", 'answers: {pub.a: "3"}', "3:18 INVALID_TYPE"],
    ["a number for a yes/no criterion", "answers: {sec.policy: 1}", "3:23 WRONG_ANSWER_TYPE"],
    ["yes/no for a number criterion", "answers: {exe.share: true}", "3:22 WRONG_ANSWER_TYPE"],
    ["N/A without a reason", "answers: {pub.a: {na: true}}", "3:23 NA_REASON_REQUIRED"],
    ["N/A and a level at once", 'answers: {pub.a: {na: "x", level: 2}}', "3:19 CONFLICTING_ANSWER"],
    ["an unknown criterion", "answers: {pub.z: 1}", "3:11 UNKNOWN_CRITERION"],
    ["an unknown dimension in targets", "targets: {publicaton: 0.5}\nanswers: {}", "3:11 UNKNOWN_DIMENSION"],
    ["a target above 1", "targets: {publication: 1.5}\nanswers: {}", "3:24 OUT_OF_RANGE"],
    ["an unknown key in an answer", "answers: {pub.a: {levle: 2}}", "3:19 UNKNOWN_KEY"],
    ["evidence with neither url nor note", "answers: {pub.a: {level: 2, evidence: [{date: 2026-01-01}]}}", "3:40 EVIDENCE_EMPTY"],
    ["a date that is not a date", "date: yesterday\nanswers: {}", "3:7 INVALID_FORMAT"],
  ])("refuses %s", (_name, tail, expected) => {
    expect(codes(`rubric: ./rubric.yaml\nagency: {id: a}\n${tail}\n`)).toEqual([expected]);
  });

  it("finds a bad level in the same pass as a bad date in its evidence (the date is set aside, not the answer)", () => {
    expect(codes('rubric: ./rubric.yaml\nagency: {id: a, nmae: x}\nanswers:\n  pub.a: {level: 5, evidence: [{url: "https://e.org", date: 2026-02-30}]}\n')).toEqual([
      "2:17 UNKNOWN_KEY",
      "4:18 LEVEL_OUT_OF_RANGE",
      "4:61 INVALID_VALUE",
    ]);
  });

  it("says what is missing: the agency, the rubric", () => {
    expect(codes("rubric: ./rubric.yaml\nanswers: {}\n")).toEqual(["1:1 MISSING_KEY"]);
    expect(codes("agency: {id: a}\nanswers: {}\n")).toEqual(["1:1 RUBRIC_MISSING"]);
  });

  it("reports YAML syntax problems and duplicate keys at their position", () => {
    expect(codes("rubric: ./rubric.yaml\nagency: {id: a}\nanswers:\n  pub.a: 1\n  pub.a: 2\n")).toEqual(["5:3 YAML_DUPLICATE_KEY"]);
    expect(codes("rubric: ./rubric.yaml\nagency: {id: a\n")[0]).toMatch(/^\d+:\d+ YAML_SYNTAX$/);
  });
});

describe("a document loaded on the fast path", () => {
  it("gives the positions of its values when asked, for each document of the stream, and none before", async () => {
    const { locate } = await import("../../src/io/yaml.js");
    const { assessments, problems } = load("rubric: ./rubric.yaml\nagency: {id: a}\nanswers: {pub.a: 1}\n---\nrubric: ./rubric.yaml\nagency: {id: b}\nanswers:\n  pub.a: 2\n");
    expect(problems).toEqual([]);
    const [first, second] = assessments.map((a) => a.parsed);
    expect(first!.value).toMatchObject({ agency: { id: "a" } });
    expect(locate(first!, ["answers", "pub.a"])).toEqual({ line: 3, column: 18 });
    expect(locate(second!, ["answers", "pub.a"])).toEqual({ line: 8, column: 10 });
    expect(second!.index).toBe(1);
    expect(second!.doc.toJS()).toEqual(second!.value);
  });
});
