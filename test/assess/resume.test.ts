// `assess --resume` reads the file's rubric with the same confinement as every other command:
// a file rubric under --rubric-root loads the same as in the first session.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AssessmentDraft } from "../../src/assess/draft.js";
import { runQuestions } from "../../src/assess/flow.js";
import { openDraft, resumeCommand } from "../../src/assess/resume.js";
import { InputError } from "../../src/core/problems.js";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { ScriptedPort } from "./scripted-port.js";

const RUBRIC = resolve("test/fixtures/mini/rubric.yaml");

/** A shared rubric folder and an agency folder side by side, both outside the working folder. */
function layout(): { root: string; rubric: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), "assess-resume-"));
  mkdirSync(join(root, "rubrics"));
  mkdirSync(join(root, "agencies"));
  const rubric = join(root, "rubrics", "mini.yaml");
  writeFileSync(rubric, readFileSync(RUBRIC, "utf8"));
  return { root, rubric, file: join(root, "agencies", "t1.yaml") };
}

/** The first session: `assess --rubric <root>/rubrics/mini.yaml --out <root>/agencies/t1.yaml`, two answers given. */
async function firstSession(rubricFile: string, file: string) {
  const rubric = loadRubric(rubricFile).rubric!;
  const draft = AssessmentDraft.create(file, rubric, { rubricRef: "../rubrics/mini.yaml", agencyId: "t1", groups: {}, date: "2026-11-01", language: "en" });
  draft.save();
  const port = new ScriptedPort(["3", "2", "r"]);
  await runQuestions({ port, draft, rubric, lang: "en", today: "2026-11-21", now: () => 0, timing: { started: 0, before: 0, answeredAtStart: 0 } }, 0).catch(() => undefined);
  return rubric;
}

describe("assess --resume with --rubric-root", () => {
  it("loads a file rubric under --rubric-root the same as the first session", async () => {
    const { root, rubric: rubricFile, file } = layout();
    const first = await firstSession(rubricFile, file);
    expect(readFileSync(file, "utf8")).toMatch(/^rubric: "\.\.\/rubrics\/mini\.yaml"$/m);

    // without --rubric-root the file's rubric is outside its confinement, as for every command
    expect(() => openDraft(file, {})).toThrow(InputError);
    expect(loadAssessmentFile(file).problems.map((p) => p.code)).toEqual(["RUBRIC_OUTSIDE"]);

    const draft = openDraft(file, { rubricRoot: root });
    expect(draft.rubric).toEqual(first);
    expect(draft.isAnswered("pub.a")).toBe(true);
    expect(draft.assessment()).toEqual(loadAssessmentFile(file, { rubricRoot: root }).assessments[0]!.assessment);
  });

  it("the command it suggests to resume (or report) carries --rubric-root when it was given", () => {
    expect(resumeCommand("assess --resume", "a b.yaml", {})).toBe("egov-maturity assess --resume 'a b.yaml'");
    expect(resumeCommand("assess --resume", "t1.yaml", { rubricRoot: "../shared rubrics" })).toBe("egov-maturity assess --resume t1.yaml --rubric-root '../shared rubrics'");
    expect(resumeCommand("report", "t1.yaml", { rubricRoot: "/srv/rubrics" })).toBe("egov-maturity report t1.yaml --rubric-root /srv/rubrics");
  });
});
