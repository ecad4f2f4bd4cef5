import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, type CompareEntry } from "../../src/core/compare.js";
import { compareFormats } from "../../src/compare/formats/index.js";
import type { RenderContext } from "../../src/render/context.js";
import { assessmentOf } from "../helpers.js";

const F = "test/fixtures/compare/";
const entry = (name: string): CompareEntry => assessmentOf(`${F}${name}.yaml`);
const y2024 = entry("a1-2024");
const y2025 = entry("a1-2025");
const y2026 = entry("a1-2026");
const v2 = entry("a1-2027-v2");
const ctx = (lang: string): RenderContext => ({ lang, color: false, toolVersion: "0.0.0-test", now: new Date("2026-11-21T00:00:00Z"), width: 80 });
const dim = (cmp: ReturnType<typeof compare>, id: string) => cmp.dimensions.find((d) => d.id === id)!;

describe("compare: hand-computed deltas (mini rubric, 2024 → 2026)", () => {
  const cmp = compare([y2024, y2026]);
  it("index, class and stage before and after", () => {
    // 2024: publication (2·0.25 + 0.25)/3 = 0.25, execution (0.2 + 0.2)/2 = 0.2, security 0 → I = 0.15.
    // 2026: publication (2·1 + 0.5)/3 = 5/6, execution (1 + 0.8)/2 = 0.9, security 1 → I = 0.91111.
    expect(cmp.index.before).toBeCloseTo(0.15, 12);
    expect(cmp.index.after).toBeCloseTo((5 / 6 + 0.9 + 1) / 3, 12);
    expect(cmp.index.delta).toBeCloseTo((5 / 6 + 0.9 + 1) / 3 - 0.15, 12);
    expect(cmp.classification.before?.id).toBe("low");
    expect(cmp.classification.after?.id).toBe("high");
    expect(cmp.stage).toMatchObject({ before: null, after: "execution", direction: "up", newlyBlocking: [] });
    expect(cmp.stage.cleared).toEqual([{ stage: "execution", dimension: "security", min: 0.5, before: 0, after: 1 }]);
  });
  it("a row per dimension with before, after and delta", () => {
    expect(dim(cmp, "publication").delta).toBeCloseTo(5 / 6 - 0.25, 12);
    expect(dim(cmp, "execution")).toMatchObject({ before: expect.closeTo(0.2, 12), after: expect.closeTo(0.9, 12) });
    expect(dim(cmp, "execution").delta).toBeCloseTo(0.7, 12);
    expect(dim(cmp, "security")).toMatchObject({ before: 0, after: 1, delta: 1 });
  });
  it("improved criteria with their levels, largest change first; none regressed", () => {
    expect(cmp.improved.map((c) => c.id)).toEqual(["sec.policy", "sec.audit", "exe.share", "pub.a", "exe.days", "pub.b"]);
    expect(cmp.improved.find((c) => c.id === "pub.a")).toMatchObject({ before: { kind: "level", level: 1 }, after: { kind: "level", level: 4 }, scoreBefore: 0.25, scoreAfter: 1 });
    expect(cmp.regressed).toEqual([]);
  });
  it("evidence added and gone stale (older than 365 days at the later date)", () => {
    expect(cmp.evidence.added.map((e) => e.evidence.note)).toEqual(["portal audit"]);
    expect(cmp.evidence.removed).toEqual([]);
    // 2024-09-01 → 2026-11-01 is 791 days.
    expect(cmp.evidence.stale).toEqual([{ criterion: "pub.b", evidence: { url: "https://example.org/old", date: "2024-09-01" }, ageDays: 791 }]);
    expect(compare([y2024, y2026], { staleAfterDays: 800 }).evidence.stale).toEqual([]);
  });
  it("the earlier roadmap's steps: done by 2026", () => {
    expect(cmp.roadmap.map((r) => [r.step.criterion, r.status])).toEqual([["pub.a", "done"], ["sec.policy", "done"], ["exe.share", "done"]]);
  });
});

describe("compare: roadmap progress and regressions", () => {
  it("steps done, in part and open (2024 → 2025)", () => {
    const cmp = compare([y2024, y2025]);
    // pub.a 1 → 3 of target 4: in part; sec.policy still no: open; exe.share 20 → 50: in part.
    expect(cmp.roadmap.map((r) => [r.step.criterion, r.status])).toEqual([["pub.a", "partial"], ["sec.policy", "open"], ["exe.share", "partial"]]);
    // Security 0 → 0.3 still fails the execution gate; publication attained.
    expect(cmp.stage).toMatchObject({ before: null, after: "publication", direction: "up", cleared: [], newlyBlocking: [] });
  });
  it("a stage lost and a gate newly blocking (2026 → 2025 as if reversed in time)", () => {
    const cmp = compare([{ ...y2026, assessment: { ...y2026.assessment, date: "2025-01-01" } }, { ...y2025, assessment: { ...y2025.assessment, date: "2026-01-01" } }]);
    expect(cmp.stage.direction).toBe("down");
    expect(cmp.stage.newlyBlocking).toEqual([{ stage: "execution", dimension: "security", min: 0.5, before: 1, after: 0.3 }]);
    expect(cmp.regressed.map((c) => c.id)).toContain("sec.policy");
  });
});

describe("compare: order and trend", () => {
  it("sorts by date whatever the given order", () => {
    const a = compare([y2026, y2024, y2025]);
    const b = compare([y2024, y2025, y2026]);
    expect(a.snapshots.map((s) => s.date)).toEqual(["2024-11-01", "2025-11-01", "2026-11-01"]);
    expect(compareFormats.json!(a, ctx("en"))).toBe(compareFormats.json!(b, ctx("en")));
  });
  it("trend series per dimension and stage history", () => {
    const cmp = compare([y2024, y2025, y2026]);
    expect(dim(cmp, "security").series).toEqual([0, 0.3, 1]);
    expect(cmp.snapshots.map((s) => s.report.stage.current)).toEqual([null, "publication", "execution"]);
  });
  it("property: any order of the entries gives the same comparison; each delta is after − before", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([y2024, y2025, y2026], { minLength: 3, maxLength: 3 }), (entries) => {
        const cmp = compare(entries);
        expect(cmp.snapshots.map((s) => s.date)).toEqual(["2024-11-01", "2025-11-01", "2026-11-01"]);
        for (const d of cmp.dimensions) {
          expect(d.before).toBe(d.series[0]);
          expect(d.after).toBe(d.series[2]);
          expect(d.delta).toBeCloseTo((d.after ?? 0) - (d.before ?? 0), 12);
        }
        for (const c of cmp.improved) expect(c.delta).toBeGreaterThan(0);
      }),
      { numRuns: 20 },
    );
  });
});

describe("compare: a rubric change between the two", () => {
  const cmp = compare([v2, y2026]);
  it("names new and dropped criteria and scores on the shared ones", () => {
    expect(cmp.basis).toBe("shared");
    expect(cmp.newCriteria).toEqual(["pub.c"]);
    expect(cmp.droppedCriteria).toEqual(["pub.b"]);
    // Shared: pub.a, exe.*, sec.*. 2026: publication 1, execution 0.9, security 1 → 2.9/3.
    // 2027 (v2): publication 0.5, execution (0.8 + 0.8)/2 = 0.8, security (1 + 0.6)/2 = 0.8 → 2.1/3.
    expect(cmp.index.before).toBeCloseTo(2.9 / 3, 12);
    expect(cmp.index.after).toBeCloseTo(2.1 / 3, 12);
    expect(dim(cmp, "publication")).toMatchObject({ before: 1, after: 0.5, delta: -0.5 });
    expect(cmp.regressed.map((c) => [c.id, c.delta])).toEqual([["pub.a", -0.5], ["sec.audit", -0.4], ["exe.share", expect.closeTo(-0.2, 12)]]);
    expect(cmp.stage).toMatchObject({ before: "execution", after: null, direction: "down" });
    // On its full rubric v2 the 2027 index is ((2·0.5 + 0.75)/3 + 0.8 + 0.8)/3.
    expect(cmp.snapshots[1]!.fullIndex).toBeCloseTo(((2 * 0.5 + 0.75) / 3 + 1.6) / 3, 12);
    expect(cmp.snapshots.map((s) => s.rubric.version)).toEqual(["2.1.0", "3.0.0"]);
  });
  it("the same rubric everywhere compares on every criterion", () => {
    const same = compare([y2024, y2026]);
    expect(same).toMatchObject({ basis: "full", newCriteria: [], droppedCriteria: [] });
    expect(same.snapshots[0]!.fullIndex).toBe(same.index.before);
  });
});

describe("compare: golden outputs", () => {
  const trend = compare([y2026, y2024, y2025]);
  const change = compare([y2026, v2]);
  for (const format of Object.keys(compareFormats)) {
    it(`trend (three years) as ${format}`, async () => {
      await expect(compareFormats[format]!(trend, ctx("en"))).toMatchFileSnapshot(`../golden/compare/mini-trend.${format === "markdown" ? "md" : format === "table" ? "txt" : format}`);
    });
    it(`rubric change as ${format}`, async () => {
      await expect(compareFormats[format]!(change, ctx("en"))).toMatchFileSnapshot(`../golden/compare/mini-rubric-change.${format === "markdown" ? "md" : format === "table" ? "txt" : format}`);
    });
  }
  const history = compare(["2024", "2025", "2026"].map((y) => assessmentOf(`examples/history/civil-status-${y}.yaml`)));
  for (const format of Object.keys(compareFormats)) {
    for (const lang of ["en", "ar"]) {
      it(`examples/history in ${lang} as ${format}`, async () => {
        await expect(compareFormats[format]!(history, ctx(lang))).toMatchFileSnapshot(`../golden/compare/history.${lang}.${format === "markdown" ? "md" : format === "table" ? "txt" : format}`);
      });
    }
  }
});
