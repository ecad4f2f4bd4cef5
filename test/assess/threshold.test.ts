// The stage threshold a rubric leaves unset is one number: the one assess shows ("attained at 60.0%"),
// the one the rubric loader fills in, and the one core's stage attainment decides on.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AssessmentDraft } from "../../src/assess/draft.js";
import { runQuestions } from "../../src/assess/flow.js";
import type { Rubric } from "../../src/core/rubric.js";
import { stageAttainment } from "../../src/core/score.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { ScriptedPort } from "./scripted-port.js";

const RUBRIC = resolve("test/fixtures/mini/rubric.yaml");

/** The mini rubric with every stage's `threshold:` line removed, written to a fresh folder. */
function rubricFileWithoutThresholds(): string {
  const dir = mkdtempSync(join(tmpdir(), "assess-threshold-"));
  const text = readFileSync(RUBRIC, "utf8");
  const without = text.replace(/^\s+threshold: .*\n/gm, "");
  expect(without).not.toBe(text);
  writeFileSync(join(dir, "rubric.yaml"), without);
  return join(dir, "rubric.yaml");
}

/** The rubric as a caller may hand it to the flow: stages without a threshold. */
function withoutThresholds(rubric: Rubric): Rubric {
  return { ...rubric, dimensions: rubric.dimensions.map(({ threshold: _, ...d }) => d) };
}

/** The thresholds assess shows on entering each stage, as fractions ("attained at 60.0%" → 0.6). */
async function thresholdsShown(rubric: Rubric, file: string): Promise<number[]> {
  const draft = AssessmentDraft.create(join(file, "..", "a.yaml"), rubric, { rubricRef: "./rubric.yaml", agencyId: "t1", groups: {}, date: "2026-11-01", language: "en" });
  draft.save();
  const port = new ScriptedPort(["3", "2", "62", "6", "y", "60", "f"]);
  await runQuestions({ port, draft, rubric, lang: "en", today: "2026-11-21", now: () => 0, timing: { started: 0, before: 0, answeredAtStart: 0 } }, 0);
  return port.said.flatMap((s) => [...s.matchAll(/attained at ([\d.]+)%/g)].map((m) => Number(m[1]) / 100));
}

describe("the default stage threshold", () => {
  it("is the same in assess, in the loaded rubric and in core's stage attainment", async () => {
    const file = rubricFileWithoutThresholds();
    const loaded = loadRubric(file).rubric!;
    const stages = loaded.dimensions.filter((d) => d.kind === "stage");
    expect(stages.length).toBeGreaterThan(1);

    const bare = withoutThresholds(loaded);
    expect(bare.dimensions.every((d) => d.threshold === undefined)).toBe(true);
    const shown = await thresholdsShown(bare, file);
    expect(shown).toHaveLength(stages.length);

    for (const [i, stage] of stages.entries()) {
      // assess shows what the loader fills in
      expect(shown[i]).toBeCloseTo(stage.threshold!, 12);
      // core attains a threshold-less stage exactly there: at it, not just below it
      for (const r of [loaded, bare]) {
        const at = (score: number) => stageAttainment(r, new Map(r.dimensions.map((d) => [d.id, d.id === stage.id ? score : 1])), new Map()).stages.find((s) => s.id === stage.id)!.status;
        expect(at(shown[i]!)).not.toBe("below-threshold");
        expect(at(shown[i]! - 0.001)).toBe("below-threshold");
      }
    }
  });
});
