import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AssessmentDraft } from "../../src/assess/draft.js";
import { firstUnanswered, runQuestions } from "../../src/assess/flow.js";
import type { Session } from "../../src/assess/session.js";
import type { Rubric } from "../../src/core/rubric.js";
import { score } from "../../src/core/score.js";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { plural, t } from "../../src/i18n/index.js";
import { ScriptedPort, type Step } from "./scripted-port.js";

const RUBRIC = resolve("test/fixtures/mini/rubric.yaml");
const rubric: Rubric = loadRubric(RUBRIC).rubric!;
// Criteria in order: pub.a (level, weight 2), pub.b (level), exe.share (number 0..100 %),
// exe.days (number 0..30, lower is better), sec.policy (boolean), sec.audit (number, bands 80/50/0).

function tempFile(name = "a.yaml"): string {
  return join(mkdtempSync(join(tmpdir(), "assess-flow-")), name);
}

function newSession(steps: Step[], lang = "en"): { session: Session; port: ScriptedPort; file: string } {
  const file = tempFile();
  const draft = AssessmentDraft.create(file, rubric, { rubricRef: RUBRIC, agencyId: "t1", groups: { sector: "health" }, date: "2026-11-01", language: lang });
  draft.save();
  const port = new ScriptedPort(steps);
  return { session: { port, draft, rubric, lang, today: "2026-11-21" }, port, file };
}

/** The file on disk, validated as `report` would read it. */
function onDisk(file: string) {
  const load = loadAssessmentFile(file);
  expect(load.problems).toEqual([]);
  expect(load.assessments).toHaveLength(1);
  return load.assessments[0]!;
}

const plain = (answer: string): Step[] => [answer, "", ""]; // the answer, no evidence, no note

describe("assess question flow (scripted prompts)", () => {
  it("records every answer type with evidence and notes, and scores them", async () => {
    const { session, port, file } = newSession([
      "3", "https://example.org/catalogue", "2026-10-01", "", "catalogue covers 41 of 45 services",
      ...plain("2"),
      ...plain("62"),
      ...plain("6"),
      ...plain("y"),
      ...plain("60"),
      "f",
    ]);
    await runQuestions(session, 0);
    expect(port.remaining).toBe(0);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [{ url: "https://example.org/catalogue", date: "2026-10-01" }], notes: "catalogue covers 41 of 45 services" });
    expect(assessment.answers.get("pub.b")?.answer).toEqual({ kind: "level", level: 2 });
    expect(assessment.answers.get("exe.share")?.answer).toEqual({ kind: "number", value: 62 });
    expect(assessment.answers.get("exe.days")?.answer).toEqual({ kind: "number", value: 6 });
    expect(assessment.answers.get("sec.policy")?.answer).toEqual({ kind: "boolean", value: true });
    expect(assessment.answers.get("sec.audit")?.answer).toEqual({ kind: "number", value: 60 });
    // By hand: publication (2·3/4 + 2/4)/3, execution (0.62 + (1 − 6/30))/2, security (1 + 0.6)/2.
    const expected = ((2 * 0.75 + 0.5) / 3 + (0.62 + 0.8) / 2 + (1 + 0.6) / 2) / 3;
    expect(score(rubric, assessment).index).toBeCloseTo(expected, 12);
    expect(port.said.join("\n")).toContain("Publication · 1 / 6 · 17%");
    expect(port.said.join("\n")).toContain("Security · 6 / 6 · 100%");
    // Each dimension's score at its end.
    expect(port.said).toContain("\nPublication: 66.7% (Target 80.0%) · 2 / 2 answered");
    expect(port.said).toContain("\nExecution: 71.0% (Target 50.0%) · 2 / 2 answered");
  });

  it("shows every level's descriptor in the answer menu", async () => {
    const { session, port } = newSession(["r", "f"]);
    await runQuestions(session, 0);
    expect(port.menus[0]!.slice(0, 5)).toEqual(["Absent — L0", "Initial — L1", "Developing — L2", "Established — L3", "Optimised — L4"]);
  });

  it("refuses N/A without a reason and keeps asking until one is given", async () => {
    const { session, port, file } = newSession(["a", "", "   ", "The agency publishes nothing itself", "Minister's letter", "2026-10-02", "", "", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.reason)).toEqual([t("en", "assess.naReasonRequired"), t("en", "assess.naReasonRequired")]);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")).toEqual({ answer: { kind: "na", reason: "The agency publishes nothing itself" }, evidence: [{ note: "Minister's letter", date: "2026-10-02" }] });
    expect(assessment.answers.get("pub.b")?.answer.kind ?? "unanswered").toBe("unanswered");
  });

  it("goes back to the previous question and replaces its answer", async () => {
    const { session, port, file } = newSession([...plain("1"), "b", ...plain("4"), ...plain("2"), "r", "f"]);
    await runQuestions(session, 0);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")?.answer).toEqual({ kind: "level", level: 4 });
    expect(assessment.answers.get("pub.b")?.answer).toEqual({ kind: "level", level: 2 });
    const titles = port.said.filter((s) => /\((pub|exe|sec)\./.test(s)).map((s) => /\(([a-z.]+)/.exec(s)![1]);
    expect(titles).toEqual(["pub.a", "pub.b", "pub.a", "pub.b", "exe.share"]);
  });

  it("skips: a skipped criterion stays unanswered and the review offers to continue at it", async () => {
    const { session, port, file } = newSession(["s", ...plain("2"), "", "s", "s", "s", "c", ...plain("3"), "r", "f"]);
    await runQuestions(session, 0);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")?.answer).toEqual({ kind: "level", level: 3 });
    expect(assessment.answers.get("exe.share")?.answer.kind ?? "unanswered").toBe("unanswered");
    expect(score(rubric, assessment).unanswered).toEqual(["exe.share", "exe.days", "sec.policy", "sec.audit"]);
    // The first review offered to finish with 5 unanswered and to continue at the first of them.
    const review = port.menus.find((names) => names[0]!.startsWith("Finish"))!;
    expect(review[0]).toBe(plural("en", "assess.finishIncomplete", 5));
    expect(review[1]).toBe(t("en", "assess.continueAt", { title: "A" }));
  });

  it("jumps to a dimension at its first unanswered criterion", async () => {
    const { session, port, file } = newSession(["j", { pick: 4 }, ...plain("n"), "r", "f"]);
    await runQuestions(session, 0);
    expect(port.said.join("\n")).toContain("══ Security · prerequisite ══");
    expect(port.said.join("\n")).not.toContain("(exe.share)");
    expect(onDisk(file).assessment.answers.get("sec.policy")?.answer).toEqual({ kind: "boolean", value: false });
  });

  it("reviews every answer and goes to any criterion to revise it", async () => {
    const { session, port, file } = newSession([...plain("2"), "r", "g", { pick: 0 }, ...plain("4"), "r", "f"]);
    await runQuestions(session, 0);
    const review = port.said.find((s) => s.includes("══ Review ══"))!;
    expect(review).toContain("✓ A: 2 Developing");
    expect(review).toContain("· B: —");
    expect(onDisk(file).assessment.answers.get("pub.a")?.answer).toEqual({ kind: "level", level: 4 });
  });

  it("takes numbers in Arabic-Indic digits and refuses what is not a number", async () => {
    const { session, port, file } = newSession(["s", "s", "abc", "٦٢٫٥", "", "", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.typed)).toEqual(["abc"]);
    expect(onDisk(file).assessment.answers.get("exe.share")?.answer).toEqual({ kind: "number", value: 62.5 });
  });

  it("evidence: several pieces, each with its date; a bad date is refused; `-` removes them", async () => {
    const { session, port, file } = newSession(["3", "https://a.example/x", "2026-02-30", "2026-02-28", "site visit", "", "", "notes", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.typed)).toEqual(["2026-02-30"]);
    expect(onDisk(file).assessment.answers.get("pub.a")?.evidence).toEqual([{ url: "https://a.example/x", date: "2026-02-28" }, { note: "site visit", date: "2026-11-21" }]);

    const second = newSession(["3", "https://a.example/x", "", "-", "", "", "r", "f"]);
    await runQuestions(second.session, 0);
    expect(onDisk(second.file).assessment.answers.get("pub.a")?.evidence).toEqual([]);
  });

  it("speaks Arabic: questions, descriptors' labels and prompts", async () => {
    const { session, port } = newSession(["r", "f"], "ar");
    await runQuestions(session, 0);
    expect(port.said.join("\n")).toContain("مرحلة الإعلان · 1 / 6");
    expect(port.menus[0]![3]).toBe("راسخ — L3");
    expect(port.menus[0]![5]).toBe(t("ar", "assess.choice.na"));
    expect(port.asked[0]).toBe("المستوى");
  });
});

describe("resume", () => {
  const handWritten = (file: string) =>
    writeFileSync(
      file,
      `# the workshop of 1 November
rubric: ${JSON.stringify(RUBRIC)}
agency: {id: r1, groups: {sector: health}}
date: 2026-11-01
answers:
  # agreed in the room
  pub.a: {level: 3, evidence: [{url: "https://x.example/cat", date: 2026-10-01}], notes: keep me}
  pub.b: {na: not offered}
  exe.share:
`,
    );

  function open(file: string, steps: Step[]): { session: Session; port: ScriptedPort } {
    const loaded = onDisk(file);
    const draft = AssessmentDraft.open(file, readFileSync(file, "utf8"), loaded.rubric, loaded.assessment);
    const port = new ScriptedPort(steps);
    return { session: { port, draft, rubric: loaded.rubric, lang: "en", today: "2026-11-21" }, port };
  }

  it("continues at the first unanswered criterion and keeps every earlier answer, evidence, note and comment", async () => {
    const file = tempFile();
    handWritten(file);
    const { session, port } = open(file, [...plain("62"), ...plain("6"), ...plain("y"), ...plain("60"), "f"]);
    expect(firstUnanswered(session)).toBe(2);
    await runQuestions(session, firstUnanswered(session));
    expect(port.remaining).toBe(0);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [{ url: "https://x.example/cat", date: "2026-10-01" }], notes: "keep me" });
    expect(assessment.answers.get("pub.b")?.answer).toEqual({ kind: "na", reason: "not offered" });
    expect(score(rubric, assessment).unanswered).toEqual([]);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("# the workshop of 1 November");
    expect(text).toContain("# agreed in the room");
    // Criteria missing from the file are added in the rubric's order.
    const order = ["pub.a", "pub.b", "exe.share", "exe.days", "sec.policy", "sec.audit"].map((id) => text.indexOf(`  ${id}:`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it("re-opening a finished file goes to the review, and Enter keeps evidence and notes when revising", async () => {
    const file = tempFile();
    handWritten(file);
    await runQuestions(open(file, [...plain("62"), ...plain("6"), ...plain("y"), ...plain("60"), "f"]).session, 2);
    const { session, port } = open(file, ["g", { pick: 0 }, "2", "", "", "r", "f"]);
    expect(firstUnanswered(session)).toBe(6);
    await runQuestions(session, firstUnanswered(session));
    expect(port.said[0]).toContain("══ Review ══");
    expect(onDisk(file).assessment.answers.get("pub.a")).toEqual({ answer: { kind: "level", level: 2 }, evidence: [{ url: "https://x.example/cat", date: "2026-10-01" }], notes: "keep me" });
  });
});
