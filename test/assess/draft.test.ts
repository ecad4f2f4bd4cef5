import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssessmentDraft } from "../../src/assess/draft.js";
import { askHeader, parseGroups } from "../../src/assess/setup.js";
import type { Answer, AnswerValue } from "../../src/core/assessment.js";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { t } from "../../src/i18n/index.js";
import { ScriptedPort } from "./scripted-port.js";

const RUBRIC = resolve("test/fixtures/mini/rubric.yaml");
const rubric = loadRubric(RUBRIC).rubric!;
const ids = [...rubric.criteria.keys()];

const freeText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "");
const evidence = fc.array(fc.record({ note: freeText, date: fc.constantFrom("2026-01-31", "2025-12-01") }), { maxLength: 2 });

/** A valid answer for a criterion of the mini rubric. */
function answerFor(id: string): fc.Arbitrary<Answer> {
  const type = rubric.criteria.get(id)!.type;
  const value: fc.Arbitrary<AnswerValue> = fc.oneof(
    type === "level" ? fc.integer({ min: 0, max: 4 }).map((level): AnswerValue => ({ kind: "level", level })) : type === "boolean" ? fc.boolean().map((v): AnswerValue => ({ kind: "boolean", value: v })) : fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v): AnswerValue => ({ kind: "number", value: v })),
    freeText.map((reason): AnswerValue => ({ kind: "na", reason })),
    fc.constant<AnswerValue>({ kind: "unanswered" }),
  );
  return fc.record({ answer: value, evidence, notes: fc.option(freeText, { nil: undefined }) }).map((a) => {
    const out: Answer = { answer: a.answer, evidence: a.evidence };
    if (a.notes !== undefined) out.notes = a.notes;
    return out;
  });
}

const step = fc.constantFrom(...ids).chain((id) => answerFor(id).map((answer) => ({ id, answer })));

describe("autosave", () => {
  it("after every answer the file on disk is a valid assessment holding exactly the answers given (property)", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const dir = mkdtempSync(join(tmpdir(), "assess-draft-"));
        const file = join(dir, "a.yaml");
        copyFileSync(RUBRIC, join(dir, "rubric.yaml"));
        const draft = AssessmentDraft.create(file, rubric, { rubricRef: "./rubric.yaml", agencyId: "p1", groups: {}, date: "2026-11-01", language: "en" });
        draft.save();
        const expected = new Map<string, Answer>();
        for (const { id, answer } of steps) {
          draft.setAnswer(id, answer);
          expected.set(id, answer);
          const load = loadAssessmentFile(file, { rubricRoot: dir });
          expect(load.problems).toEqual([]);
          const got = load.assessments[0]!.assessment.answers;
          for (const [eid, e] of expected) {
            const g = got.get(eid);
            expect(g?.answer ?? { kind: "unanswered" }).toEqual(e.answer);
            expect(g?.evidence ?? []).toEqual(e.evidence);
            expect(g?.notes).toEqual(e.notes);
          }
        }
        // No temporary file is left beside it.
        expect(readdirSync(dir).sort()).toEqual(["a.yaml", "rubric.yaml"]); // no temporary file left behind
      }),
      { numRuns: 60 },
    );
  });

  it("a new file is laid out like init's template, with the agency's details", () => {
    const file = join(mkdtempSync(join(tmpdir(), "assess-draft-")), "moh.yaml");
    const draft = AssessmentDraft.create(file, rubric, { rubricRef: "./rubric.yaml", agencyId: "moh", agencyName: "Ministry of Health", groups: { sector: "health", region: "north" }, assessor: "R. Consultant", date: "2026-11-01", language: "en" });
    draft.save();
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^# Mini rubric — mini 2\.1\.0\n/);
    expect(text).toContain("groups: { sector: health, region: north }\nassessor: R. Consultant\ndate: 2026-11-01\n");
    expect(text).toContain("  #   4 Optimised: L4\n  pub.a:\n");
  });
});

describe("agency details", () => {
  it("asks id, name, sector, region, other groups, assessor and date; refuses a bad id, bad groups and a bad date", async () => {
    const port = new ScriptedPort(["moh passports", "moh-passports", "Passport Directorate", "interior", "", "level national", "level=national, size=large", "", "2026-13-01", ""]);
    const header = await askHeader(port, "en", { today: "2026-11-21" });
    expect(header).toEqual({ agencyId: "moh-passports", agencyName: "Passport Directorate", groups: { sector: "interior", level: "national", size: "large" }, date: "2026-11-21" });
    expect(port.refused.map((r) => r.reason)).toEqual([t("en", "assess.badAgencyId"), t("en", "assess.badGroups"), t("en", "assess.badDate")]);
  });

  it("parses groups separated by Latin or Arabic commas", () => {
    expect(parseGroups("sector=الصحة، region=الشمال")).toEqual({ sector: "الصحة", region: "الشمال" });
    expect(parseGroups("")).toEqual({});
    expect(parseGroups("sector")).toBeUndefined();
  });
});
