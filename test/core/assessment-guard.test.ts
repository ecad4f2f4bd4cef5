// The zod-free guard the fast path validates with (core/assessment-guard.ts) and the zod schema that
// words problems (core/assessment.ts AssessmentSchema) must accept exactly the same values: a value
// the guard accepts and zod refuses would skip a problem; the other way, a valid file takes the slow
// path. Generated valid assessments, each mutated at one place, plus the edge cases by name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAssessmentFile } from "../../src/core/assessment-guard.js";
import { AssessmentSchema } from "../../src/core/assessment-schema.js";

const agree = (value: unknown): void => {
  expect(isAssessmentFile(value), JSON.stringify(value)).toBe(AssessmentSchema.safeParse(value).success);
};

/** Mostly `arb`, sometimes any value: a generated assessment is valid often enough to test acceptance too. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: arb, weight: 8 }, { arbitrary: fc.constant(undefined).chain(() => anyValue), weight: 1 });

/** Values of every JSON/YAML kind, edges included. */
const anyValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1, 0.5, 1.5, 99, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, "", " ", "x", "3", "2026-02-29", "2024-02-29", "2026-13-01", "2026-1-1", "en", "ar-SA", "EN", [], {}),
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
);
const date = fc.oneof(
  fc.constantFrom("2026-03-01", "2024-02-29", "2026-02-29", "2026-02-30", "2026-00-10", "2026-3-1", "26-03-01", " 2026-03-01", "2026-03-01T00:00", "", "2000-02-29", "1900-02-29", "0026-02-01", "0000-01-01", "0100-03-01", "9999-12-31", "2026-04-31", "2026-12-32", "2026-13-01", "2026-1a-01", "٢٠٢٦-٠٣-٠١"),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const language = fc.constantFrom("en", "ar", "ar-SA", "zh-Hant-TW", "fil", "e", "EN", "en-", "en_GB", "arab", "en-x");
const text = maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.dictionary(language, maybe(fc.string({ maxLength: 5 })), { maxKeys: 3 })));
const evidence = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.record({ url: maybe(fc.string({ maxLength: 10 })), note: maybe(fc.string({ maxLength: 5 })), date: maybe(date), extra: anyValue }, { requiredKeys: [] }),
  anyValue,
);
const answerObject = fc.record(
  {
    level: maybe(fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constant(null))),
    value: maybe(fc.oneof(fc.double(), fc.boolean(), fc.constant(null))),
    na: maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null))),
    evidence: maybe(fc.array(evidence, { maxLength: 3 })),
    notes: maybe(fc.string({ maxLength: 8 })),
    comment: anyValue,
  },
  { requiredKeys: [] },
).map((a) => (Math.abs(JSON.stringify(a).length % 5) === 0 ? a : withoutKey(a, "comment")));
const answer = fc.oneof(fc.integer({ min: -1, max: 5 }), fc.boolean(), fc.constant(null), fc.double(), answerObject, anyValue);
const agencyId = fc.oneof(fc.constantFrom("a", "agency-01", "A.b_c-9", "", "a b", "é", "a/b", "-"), fc.string({ maxLength: 6 }));
const assessment = fc.record(
  {
    rubric: maybe(fc.constantFrom("egov-maturity@2", "x", "")),
    agency: maybe(fc.record({ id: maybe(agencyId), name: text, groups: maybe(fc.dictionary(fc.string({ maxLength: 4 }), maybe(fc.oneof(fc.string({ maxLength: 4 }), fc.double())), { maxKeys: 3 })), extra: anyValue }, { requiredKeys: ["id"] }).map((a) => (a.id === "" ? a : withoutKey(a, "extra")))),
    assessor: maybe(fc.string({ maxLength: 6 })),
    date: maybe(date),
    language: maybe(language),
    targets: maybe(fc.dictionary(fc.string({ maxLength: 4 }), maybe(fc.double({ min: -0.5, max: 1.5 })), { maxKeys: 3 })),
    answers: maybe(fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), answer, { maxKeys: 4 }), fc.constant(null))),
    summary: text,
    findings: maybe(fc.dictionary(fc.string({ maxLength: 4 }), text, { maxKeys: 2 })),
    context: text,
    session: maybe(fc.dictionary(fc.string({ maxLength: 4 }), anyValue, { maxKeys: 2 })),
    extra: anyValue,
  },
  { requiredKeys: ["agency"] },
).map((a) => (a.assessor === "x" ? a : withoutKey(a, "extra")));

/** A copy of a record without one key (extra keys are in a few generated values, not most). */
function withoutKey<T extends object>(record: T, key: string): T {
  const { [key]: _drop, ...rest } = record as Record<string, unknown>;
  return rest as T;
}

/** A valid assessment to start the edge cases from. */
const valid = () => ({ rubric: "egov-maturity@2", agency: { id: "agency-01", name: { en: "Agency", ar: "الجهة" }, groups: { sector: "health", size: 3 } }, date: "2026-03-01", language: "en", answers: { "a.b": 3, "a.c": { level: 2, evidence: [{ url: "https://x.example", date: "2026-02-01" }, "minutes"], notes: "n" } } });

describe("the zod-free assessment guard and the zod schema", () => {
  it("agree on generated assessments, valid and invalid", () => {
    fc.assert(fc.property(assessment, (value) => agree(value)), { numRuns: Number(process.env.GUARD_RUNS ?? 3000) });
  });

  it("agree on answers by themselves, in a valid assessment", () => {
    fc.assert(fc.property(answer, (a) => agree({ ...valid(), answers: { "a.b": a } })), { numRuns: Number(process.env.GUARD_RUNS ?? 3000) });
  });

  it("agree on dates, every day of every month of leap and common years included", () => {
    fc.assert(fc.property(date, (d) => agree({ ...valid(), date: d })), { numRuns: Number(process.env.GUARD_RUNS ?? 3000) });
  });

  it("agree on the named edge cases", () => {
    const cases: Record<string, unknown>[] = [
      valid(),
      { ...valid(), answers: { x: { na: "not a service of this agency" } } }, // N/A with a reason
      { ...valid(), answers: { x: { na: true } } }, // N/A without a reason: the rubric check words it
      { ...valid(), answers: { x: { na: null } } },
      { ...valid(), answers: { x: { na: "" } } },
      { ...valid(), answers: { x: { level: 99 } } }, // out of the scale: the rubric check's problem, not the schema's
      { ...valid(), answers: { x: { level: -1 } } },
      { ...valid(), answers: { x: { level: null } } },
      { ...valid(), answers: { x: { value: null } } },
      { ...valid(), answers: { x: { value: 1e308 } } }, // out of a declared range: the rubric check's
      { ...valid(), answers: { x: { level: Number.POSITIVE_INFINITY } } },
      { ...valid(), answers: { x: Number.NaN } },
      { ...valid(), answers: null }, // `answers:` with only comments under it
      { ...valid(), answers: [] },
      { ...valid(), targets: { publication: 1.01 } },
      { ...valid(), targets: { publication: -0.01 } },
      { ...valid(), targets: { publication: 0 } },
      { ...valid(), extra: 1 },
      { ...valid(), agency: { id: "a", region: "north" } },
      { ...valid(), answers: { x: { level: 2, comment: "extra key" } } },
      { ...valid(), answers: { x: { level: 2, evidence: [{ url: "u", extra: 1 }] } } },
      { ...valid(), answers: { x: { level: 2, evidence: [""] } } },
      { ...valid(), answers: { x: { level: 2, evidence: [{}] } } },
      { ...valid(), summary: "Short summary", findings: { publication: { en: "f", ar: "ن" } }, context: "scope", session: { at: "a.b" } },
      { ...valid(), summary: { EN: "x" } },
      { ...valid(), findings: { publication: 3 } },
      { ...valid(), session: [] },
      { ...valid(), agency: { id: "a", groups: { level: Number.POSITIVE_INFINITY } } },
      { ...valid(), agency: { id: "a", groups: { level: true } } },
      { ...valid(), agency: { id: "a", name: { en: 1 } } },
      { ...valid(), date: "2026-02-29" },
      { ...valid(), language: "ar-SA" },
      { ...valid(), rubric: "" },
      // Keys of Object.prototype, and a `__proto__` key as JSON.parse makes it (an own property).
      { ...valid(), answers: { constructor: 3, toString: { level: 1 } } },
      { ...valid(), agency: { id: "a", groups: { hasOwnProperty: "x" } } },
      JSON.parse('{"agency": {"id": "a"}, "__proto__": {"x": 1}}') as Record<string, unknown>,
      JSON.parse('{"agency": {"id": "a"}, "answers": {"x": {"__proto__": {"level": 2}}}}') as Record<string, unknown>,
      Object.assign(Object.create(null) as Record<string, unknown>, valid()),
    ];
    const disagree = cases.filter((value) => isAssessmentFile(value) !== AssessmentSchema.safeParse(value).success);
    expect(disagree.map((value) => JSON.stringify(value))).toEqual([]);
  });

  it("where zod is lenient past what a reader yields, the guard refuses: it never accepts what zod refuses", () => {
    // zod drops a `__proto__` key of a record and reads a record whose prototype is another plain
    // object; the fast readers decline a `__proto__` key and make only plain objects, so the guard
    // refusing these costs nothing and keeps the raw value (which the fast path scores) equal to zod's.
    const lenient = [
      JSON.parse('{"agency": {"id": "a"}, "answers": {"__proto__": 3}}') as Record<string, unknown>,
      JSON.parse('{"agency": {"id": "a", "name": {"__proto__": "x"}}}') as Record<string, unknown>,
      { ...valid(), answers: Object.assign(Object.create({ inherited: 1 }) as Record<string, unknown>, { x: 1 }) },
    ];
    for (const value of lenient) {
      expect(AssessmentSchema.safeParse(value).success).toBe(true);
      expect(isAssessmentFile(value)).toBe(false);
    }
  });
});
