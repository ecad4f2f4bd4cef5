import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AssessmentDraft } from "../../src/assess/draft.js";
import { firstUnanswered, resumePosition, runQuestions } from "../../src/assess/flow.js";
import type { Session } from "../../src/assess/session.js";
import type { Rubric } from "../../src/core/rubric.js";
import { score } from "../../src/core/score.js";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { t } from "../../src/i18n/index.js";
import { wrapLine } from "../../src/render/wrap.js";
import { parse as parseYaml } from "yaml";
import { hasSummaryField } from "../../src/assess/summary.js";
import { ScriptedPort, type Step } from "./scripted-port.js";

const RUBRIC = resolve("test/fixtures/mini/rubric.yaml");
const rubric: Rubric = loadRubric(RUBRIC).rubric!;
// Criteria in order: pub.a (level, weight 2), pub.b (level), exe.share (number 0..100 %),
// exe.days (number 0..30, lower is better), sec.policy (boolean), sec.audit (number, bands 80/50/0).

function tempFile(name = "a.yaml"): string {
  return join(mkdtempSync(join(tmpdir(), "assess-flow-")), name);
}

/** A fixed clock that moves one minute at every reading after the first. */
function minuteClock(): () => number {
  let now = 0;
  return () => (now += 60000) - 60000;
}

function sessionOf(port: ScriptedPort, draft: AssessmentDraft, lang: string, r: Rubric = rubric): Session {
  return { port, draft, rubric: r, lang, today: "2026-11-21", now: () => 0, timing: { started: 0, before: draft.sessionState().spent ?? 0, answeredAtStart: 0 } };
}

function newSession(steps: Step[], lang = "en", r: Rubric = rubric, rows = 200): { session: Session; port: ScriptedPort; file: string } {
  const file = tempFile();
  const draft = AssessmentDraft.create(file, r, { rubricRef: RUBRIC, agencyId: "t1", groups: { sector: "health" }, date: "2026-11-01", language: lang });
  draft.save();
  const port = new ScriptedPort(steps, rows);
  return { session: sessionOf(port, draft, lang, r), port, file };
}

/** The file on disk, validated as `report` would read it. */
function onDisk(file: string) {
  const load = loadAssessmentFile(file);
  expect(load.problems).toEqual([]);
  expect(load.assessments).toHaveLength(1);
  return load.assessments[0]!;
}

/** The criteria whose question was shown, in order. */
const questionsAsked = (port: ScriptedPort) => port.said.filter((s) => s.includes(" / 6 · ")).map((s) => /\(([a-z.]+)/.exec(s)![1]);

const answerOf = (file: string, id: string) => onDisk(file).assessment.answers.get(id);

describe("assess question flow (scripted prompts)", () => {
  it("one line per criterion: answer, evidence and a note; every answer type scored", async () => {
    const { session, port, file } = newSession(["3 https://example.org/catalogue ; catalogue covers 41 of 45 services", "2", "62", "٦", "y", "60", "f"]);
    await runQuestions(session, 0);
    expect(port.remaining).toBe(0);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [{ url: "https://example.org/catalogue", date: "2026-11-21" }], notes: "catalogue covers 41 of 45 services" });
    expect(assessment.answers.get("pub.b")).toEqual({ answer: { kind: "level", level: 2 }, evidence: [] });
    expect(assessment.answers.get("exe.share")?.answer).toEqual({ kind: "number", value: 62 });
    expect(assessment.answers.get("exe.days")?.answer).toEqual({ kind: "number", value: 6 });
    expect(assessment.answers.get("sec.policy")?.answer).toEqual({ kind: "boolean", value: true });
    expect(assessment.answers.get("sec.audit")?.answer).toEqual({ kind: "number", value: 60 });
    const expected = ((2 * 0.75 + 0.5) / 3 + (0.62 + 0.8) / 2 + (1 + 0.6) / 2) / 3;
    expect(score(rubric, assessment).index).toBeCloseTo(expected, 12);
    const said = port.said.join("\n");
    expect(said).toContain("Publication · 1 / 6 · 17%");
    expect(said).toContain("Security · 6 / 6 · 100%");
    // Honest counts at each dimension's end.
    expect(port.said).toContain("\nPublication: 66.7% (Target 80.0%) · 2 answered · 0 N/A · 0 skipped");
    expect(port.said).toContain("\nExecution: 71.0% (Target 50.0%) · 2 answered · 0 N/A · 0 skipped");
  });

  it("a note alone, evidence as text, and `3 e` opening the full evidence editor", async () => {
    const { session, file } = newSession(["3 ; only a note", "2 Minister's letter 12/2026", "s", "s", "s", "s", "r", "f"]);
    await runQuestions(session, 0);
    expect(answerOf(file, "pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [], notes: "only a note" });
    expect(answerOf(file, "pub.b")).toEqual({ answer: { kind: "level", level: 2 }, evidence: [{ note: "Minister's letter 12/2026", date: "2026-11-21" }] });

    const second = newSession(["3 e", "https://a.example/x", "2026-02-30", "2026-02-28", "site visit", "", "", "notes", "r", "f"]);
    await runQuestions(second.session, 0);
    expect(second.port.refused.map((r) => r.typed)).toEqual(["2026-02-30"]);
    expect(answerOf(second.file, "pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [{ url: "https://a.example/x", date: "2026-02-28" }, { note: "site visit", date: "2026-11-21" }], notes: "notes" });
  });

  it("shows every level with its descriptor, and the keys", async () => {
    const { session, port } = newSession(["r", "f"]);
    await runQuestions(session, 0);
    const question = port.said.find((s) => s.includes("(pub.a"))!;
    expect(question).toContain("  0  Absent — L0\n  1  Initial — L1\n  2  Developing — L2\n  3  Established — L3\n  4  Optimised — L4");
    expect(question).toContain("a N/A · s/⏎ skip · b back · j jump · r review · ? help");
    expect(port.asked[0]).toBe("Level 0–4");
  });

  it("refuses anything but the scale's values at a level question: 5, ٥, 3.5, 35 record nothing", async () => {
    const { session, port, file } = newSession(["5", "٥", "3.5", "35", "x", "b 2", "٣", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.typed)).toEqual(["5", "٥", "3.5", "35", "x", "b 2"]);
    expect(port.refused[0]!.reason).toBe("«5» is not a level of this scale: type 0, 1, 2, 3, 4, or a key (a s b j r e ?)");
    expect(port.refused[5]!.reason).toBe(t("en", "assess.refuseAfterKey", { key: "b" }));
    expect(answerOf(file, "pub.a")?.answer).toEqual({ kind: "level", level: 3 });
  });

  it("refuses in Arabic, and takes the keys of an Arabic keyboard and Arabic answers", async () => {
    const { session, port, file } = newSession(["٥", "۲", "ش لا تنشر الجهة نماذج", "س", "س", "غ", "س", "ق", "ب"], "ar");
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.typed)).toEqual(["٥"]);
    expect(port.refused[0]!.reason).toBe("«٥» ليس مستوى في هذا السلّم: اكتب 0، 1، 2، 3، 4 (أو ٠–٤)، أو أحد المفاتيح (a/ش s/س b/لا j/ت r/ق e/ث ?/؟)");
    expect(answerOf(file, "pub.a")?.answer).toEqual({ kind: "level", level: 2 });
    expect(answerOf(file, "pub.b")?.answer).toEqual({ kind: "na", reason: "لا تنشر الجهة نماذج" });
    expect(answerOf(file, "sec.policy")?.answer).toEqual({ kind: "boolean", value: true });
    expect(port.said.join("\n")).toContain("مرحلة الإعلان · 1 / 6");
    expect(port.asked[0]).toBe("المستوى 0–4");
  });

  it("at a yes/no question «لا» is no and «نعم» yes", async () => {
    const { session, file } = newSession(["j", { pick: 4 }, "لا", "r", "f"], "ar");
    await runQuestions(session, 0);
    expect(answerOf(file, "sec.policy")?.answer).toEqual({ kind: "boolean", value: false });
  });

  it("N/A: on one line with its reason, or asked for it, never empty", async () => {
    const { session, port, file } = newSession(["a", "", "   ", "The agency publishes nothing itself", "a Not offered ; confirmed by the director", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.reason)).toEqual([t("en", "assess.naReasonRequired"), t("en", "assess.naReasonRequired")]);
    expect(answerOf(file, "pub.a")).toEqual({ answer: { kind: "na", reason: "The agency publishes nothing itself" }, evidence: [] });
    expect(answerOf(file, "pub.b")).toEqual({ answer: { kind: "na", reason: "Not offered" }, evidence: [], notes: "confirmed by the director" });
  });

  it("numbers: Arabic-Indic digits and separator, %, and refusals that name the keys", async () => {
    const { session, port, file } = newSession(["s", "s", "abc", "٦٢٫٥٪", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.typed)).toEqual(["abc"]);
    expect(answerOf(file, "exe.share")?.answer).toEqual({ kind: "number", value: 62.5 });
  });

  it("a number outside the criterion's declared range is refused and asked again", async () => {
    const withRange: Rubric = {
      ...rubric,
      dimensions: rubric.dimensions.map((d) => ({ ...d, criteria: d.criteria.map((c) => (c.id === "exe.share" ? Object.assign({}, c, { range: [0, 100] }) : c)) })),
    };
    const { session, port, file } = newSession(["s", "s", "١٢٠", "-1", "100", "r", "f"], "en", withRange);
    await runQuestions(session, 0);
    expect(port.refused.map((r) => r.typed)).toEqual(["١٢٠", "-1"]);
    expect(port.refused[0]!.reason).toBe("١٢٠ is outside the admissible values: type a value from 0 to 100");
    expect(answerOf(file, "exe.share")?.answer).toEqual({ kind: "number", value: 100 });
  });

  it("? prints the help and asks again", async () => {
    const { session, port } = newSession(["?", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.said.join("\n")).toContain("3 https://example.org/services");
    expect(port.asked.slice(0, 2)).toEqual(["Level 0–4", "Level 0–4"]);
  });

  it("goes back to the previous question and replaces its answer", async () => {
    const { session, port, file } = newSession(["1", "b", "4", "2", "r", "f"]);
    await runQuestions(session, 0);
    expect(answerOf(file, "pub.a")?.answer).toEqual({ kind: "level", level: 4 });
    expect(answerOf(file, "pub.b")?.answer).toEqual({ kind: "level", level: 2 });
    const titles = questionsAsked(port);
    expect(titles).toEqual(["pub.a", "pub.b", "pub.a", "pub.b", "exe.share"]);
  });

  it("counts answered, N/A and skipped separately at a dimension's end", async () => {
    const { session, port } = newSession(["a no forms", "", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.said).toContain("\nPublication: 0.0% (Target 80.0%) · 0 answered · 1 N/A · 1 skipped");
  });

  it("offers the skipped criteria at the end of the walk, then the review", async () => {
    const { session, port, file } = newSession(["s", "2", "", "s", "s", "s", "", "3", "", "", "", "", "f"]);
    await runQuestions(session, 0);
    expect(port.said).toContain(`\n${"5 criteria were skipped."}`);
    expect(answerOf(file, "pub.a")?.answer).toEqual({ kind: "level", level: 3 });
    expect(score(rubric, onDisk(file).assessment).unanswered).toEqual(["exe.share", "exe.days", "sec.policy", "sec.audit"]);
    // The skipped ones were asked in order, then the review.
    const titles = questionsAsked(port);
    expect(titles).toEqual(["pub.a", "pub.b", "exe.share", "exe.days", "sec.policy", "sec.audit", "pub.a", "exe.share", "exe.days", "sec.policy", "sec.audit"]);
    expect(port.asked.at(-1)).toBe("What now?");
  });

  it("jumps to a dimension at its first unanswered criterion", async () => {
    const { session, port, file } = newSession(["j", { pick: 4 }, "n", "r", "f"]);
    await runQuestions(session, 0);
    expect(port.said.join("\n")).toContain("══ Security · prerequisite ══");
    expect(questionsAsked(port)).toEqual(["pub.a", "sec.policy", "sec.audit"]);
    expect(answerOf(file, "sec.policy")?.answer).toEqual({ kind: "boolean", value: false });
  });

  it("the review numbers every answer; revising one by number or id returns to the review", async () => {
    const { session, port, file } = newSession(["2", "r", "1", "4", "exe.days", "7", "9", "3.2", "90", "f"]);
    await runQuestions(session, 0);
    const reviews = port.said.filter((s) => s.includes("══ Review"));
    expect(reviews).toHaveLength(4);
    expect(answerOf(file, "sec.audit")?.answer).toEqual({ kind: "number", value: 90 });
    expect(reviews[0]).toContain("  1 ✓ A (pub.a): 2 Developing");
    expect(reviews[0]).toContain("  2 · B (pub.b): —");
    expect(reviews[2]).toContain("  1 ✓ A (pub.a): 4 Optimised");
    expect(reviews[2]).toContain("  4 ✓ Days (exe.days): 7");
    expect(port.refused.map((r) => r.typed)).toEqual(["9"]);
    expect(answerOf(file, "pub.a")?.answer).toEqual({ kind: "level", level: 4 });
  });

  it("the review pages a screenful at a time", async () => {
    const { session, port } = newSession(["r", "", "p", "", "", "f"], "en", rubric, 10);
    await runQuestions(session, 0);
    const reviews = port.said.filter((s) => s.includes("══ Review"));
    expect(reviews.map((r) => /page \d of \d/.exec(r)?.[0])).toEqual(["page 1 of 2", "page 2 of 2", "page 1 of 2", "page 2 of 2", "page 1 of 2"]);
    for (const r of reviews) expect(r.split("\n").length).toBeLessThanOrEqual(10);
    expect(reviews[1]).toContain("  6 · Audit (sec.audit)");
  });

  it("a review page with its menu and prompt fits the screen when long lines wrap", async () => {
    const file = tempFile();
    const draft = AssessmentDraft.create(file, rubric, { rubricRef: RUBRIC, agencyId: "t1", groups: {}, date: "2026-11-01", language: "en" });
    const port = new ScriptedPort(["r", "", "", "", "f"], 18, 40);
    await runQuestions(sessionOf(port, draft, "en"), 0);
    const reviews = port.said.filter((s) => s.includes("══ Review"));
    expect(reviews.length).toBeGreaterThan(2);
    // The page (after its leading blank line) plus the prompt line and a refusal line.
    for (const r of reviews) expect(r.split("\n").slice(1).flatMap((l) => wrapLine(l, 39)).length + 2).toBeLessThanOrEqual(18);
  });

  it("the progress line shows the time spent and, after the first answers, the time left", async () => {
    const { session, port } = newSession(["3", "2", "r", "f"]);
    session.now = minuteClock();
    session.timing = { started: 0, before: 120, answeredAtStart: 0 };
    await runQuestions(session, 0);
    const headings = port.said.filter((s) => s.includes(" / 6 · ")).map((s) => s.split("\n")[1]);
    expect(headings[0]).toMatch(/^Publication · 1 \/ 6 · 17% · \d+ min spent$/);
    expect(headings[2]).toMatch(/^Execution · 3 \/ 6 · 50% · \d+ min spent · about \d+ min left$/);
  });
});

describe("executive summary", () => {
  it.skipIf(!hasSummaryField)("is offered at the end and written before the answers; Enter keeps it", async () => {
    const { session, file } = newSession(["r", "f", "The agency publishes well; its services are not yet online."]);
    session.askSummary = true;
    await runQuestions(session, 0);
    const text = readFileSync(file, "utf8");
    expect((parseYaml(text) as { summary: string }).summary).toBe("The agency publishes well; its services are not yet online.");
    expect(text.indexOf("summary:")).toBeLessThan(text.indexOf("answers:"));
    expect(loadAssessmentFile(file).problems).toEqual([]);
  });

  it("is not asked unless the session asks for it", async () => {
    const { session, port } = newSession(["r", "f"]);
    await runQuestions(session, 0);
    expect(port.remaining).toBe(0);
  });
});

describe("resume", () => {
  const handWritten = (file: string, session = "") =>
    writeFileSync(
      file,
      `# the workshop of 1 November
rubric: ${JSON.stringify(RUBRIC)}
agency: {id: r1, groups: {sector: health}}
date: 2026-11-01
${session}answers:
  # agreed in the room
  pub.a: {level: 3, evidence: [{url: "https://x.example/cat", date: "2026-10-01"}], notes: keep me}
  pub.b:
  exe.share: 40
`,
    );

  function open(file: string, steps: Step[]): { session: Session; port: ScriptedPort } {
    const loaded = onDisk(file);
    const draft = AssessmentDraft.open(file, readFileSync(file, "utf8"), loaded.rubric, loaded.assessment);
    const port = new ScriptedPort(steps);
    return { session: sessionOf(port, draft, "en", loaded.rubric), port };
  }

  it("continues where the session stopped (the session: block), then offers the skipped ones; comments kept", async () => {
    const file = tempFile();
    handWritten(file, "session: {at: exe.days, spent: 300}\n");
    const { session, port } = open(file, ["6", "y", "60", "", "1", "f"]);
    expect(resumePosition(session)).toBe(3);
    await runQuestions(session, resumePosition(session));
    expect(port.remaining).toBe(0);
    const { assessment } = onDisk(file);
    expect(assessment.answers.get("pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [{ url: "https://x.example/cat", date: "2026-10-01" }], notes: "keep me" });
    expect(assessment.answers.get("pub.b")?.answer).toEqual({ kind: "level", level: 1 });
    expect(score(rubric, assessment).unanswered).toEqual([]);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("# the workshop of 1 November");
    expect(text).toContain("# agreed in the room");
    // Finished: the block keeps the time spent, not a stopping point.
    expect(text).toMatch(/^session: \{ spent: 300 \}$/m);
  });

  it("records the question on screen in the file; every command reads the file with its session: block", async () => {
    const file = tempFile();
    handWritten(file, "session: {at: exe.days}\n");
    const { session } = open(file, ["6"]);
    await expect(runQuestions(session, resumePosition(session))).rejects.toThrow(/script exhausted/);
    expect(readFileSync(file, "utf8")).toMatch(/^session: \{ at: sec\.policy, spent: 0 \}$/m);
    expect(resumePosition(open(file, []).session)).toBe(4);
  });

  it("without a session: block, continues at the first unanswered criterion", () => {
    const file = tempFile();
    handWritten(file);
    expect(resumePosition(open(file, []).session)).toBe(1);
    expect(firstUnanswered(open(file, []).session)).toBe(1);
  });

  it("a finished file goes to the review; Enter keeps evidence and notes when revising", async () => {
    const file = tempFile();
    handWritten(file);
    await runQuestions(open(file, ["2", "", "6", "y", "60", "f"]).session, 1);
    const { session, port } = open(file, ["1", "", "f"]);
    expect(resumePosition(session)).toBe(6);
    await runQuestions(session, resumePosition(session));
    expect(port.said[0]).toContain("══ Review ══");
    expect(onDisk(file).assessment.answers.get("pub.a")).toEqual({ answer: { kind: "level", level: 3 }, evidence: [{ url: "https://x.example/cat", date: "2026-10-01" }], notes: "keep me" });
  });
});
