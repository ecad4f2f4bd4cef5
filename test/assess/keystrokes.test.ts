import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadRubric } from "../../src/io/rubric-load.js";
import { activePrompt, hasTmux, TmuxServer, Terminal } from "./terminal.js";

/**
 * The pace of a workshop, measured: the whole default rubric answered with answers
 * only — a level, yes or a number, no evidence, no note — in a real terminal, counting every key
 * typed from the first question to the finished file. The count is printed for the closing note.
 */
const server = new TmuxServer(`egov-assess-keys-${process.pid}`);

describe.skipIf(!hasTmux)("assess keystrokes for the default rubric, answers only", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assess-keys-"));
    server.open();
  });
  afterAll(() => {
    if (hasTmux) server.close();
  });

  it("answers every criterion and finishes", async () => {
    const term = Terminal.start(server, "keys", dir, "assess --out agency.yaml");
    for (const prompt of ["Agency id", "Agency name", "Sector", "Region", "Other groups", "Assessor", "Date"]) await term.answer(prompt, "");
    const header = term.keystrokes;
    let answers = 0;
    for (;;) {
      const screen = await term.waitFor((s) => activePrompt(s) !== undefined, "a prompt", 15000);
      const prompt = activePrompt(screen)!;
      const before = term.answeredCount(screen);
      if (prompt.includes("What now?")) {
        term.type("f");
        // The optional executive summary (when assessments carry one): Enter leaves it empty.
        const end = await term.waitFor((s) => term.exitStatus() !== undefined || activePrompt(s)?.includes("Executive summary") === true, "the end", 20000);
        if (term.exitStatus() === undefined && activePrompt(end)?.includes("Executive summary") === true) term.type("");
        break;
      }
      if (/Level/.test(prompt)) term.type("3");
      else if (/Value/.test(prompt)) term.type("50");
      else if (/Answer/.test(prompt)) term.type("y");
      else if (/Evidence|Note/.test(prompt)) term.type("");
      else throw new Error(`unexpected prompt: ${prompt}`);
      if (/Level|Value|Answer/.test(prompt)) answers++;
      await term.waitFor((s) => term.answeredCount(s) > before, `the answer at "${prompt}" to be taken`);
    }
    expect(await term.ended()).toBe(0);
    const questions = term.keystrokes - header;
    console.log(`assess keystrokes, default rubric, answers only: ${questions} for ${answers} criteria (${(questions / answers).toFixed(2)} a criterion), plus ${header} for the agency's details`);
    const criteria = loadRubric("egov-maturity@2").rubric!.criteria.size;
    expect(answers).toBe(criteria);
    // The pace held: an answer and Enter a criterion (a two-digit value costs one more), and `f` Enter.
    expect(questions).toBeLessThanOrEqual(2 * criteria + 12);
    const saved = parse(readFileSync(join(dir, "agency.yaml"), "utf8")) as { answers: Record<string, unknown> };
    expect(Object.values(saved.answers).every((a) => a !== null)).toBe(true);
  }, 300000);
});
