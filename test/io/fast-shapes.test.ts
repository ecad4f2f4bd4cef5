// Per-shape loader parity: on files of every shape `npm run bench` scores (bench/shapes.js: init-style
// block YAML, flow maps with and without spaces, anchors and aliases with `|` notes, JSON as
// JSON.stringify writes it; CRLF line ends and byte-order marks in each), the fast path takes the
// file, and it gives exactly what the full loader (positions, zod) gives: the assessments, their
// scores and, for a file with a problem, the problems.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: the bench's generators are plain JavaScript, without type declarations
import { prng } from "../../bench/batch.js";
// @ts-expect-error: as above
import { SHAPES, shapeInputs, shapeText } from "../../bench/shapes.js";
import { fastLoad, type AssessmentLoad } from "../../src/io/assessment-load.js";
import { loadAssessmentStream } from "../../src/io/assessment-full.js";
import { readTextFast } from "../../src/io/fast-read.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import { readTextFile } from "../../src/io/read.js";
import { scoreAgency } from "../../src/score/agency-result.js";

const dir = mkdtempSync(join(tmpdir(), "egov-shapes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a load gives, without the lazily parsed documents: assessments, their compact scores, problems. */
function outcome(load: AssessmentLoad) {
  return {
    assessments: load.assessments.map((a) => ({ file: a.file, document: a.document, assessment: a.assessment, rubric: `${a.rubric.id}@${a.rubric.version}#${a.rubric.digest}` })),
    scores: load.assessments.map((a) => scoreAgency(a.rubric, a.assessment, { seq: 0, file: a.file, document: a.document })),
    problems: load.problems,
  };
}

/** The full loader alone: the file decoded as every command decodes it, parsed with positions, validated with zod. */
function fullLoad(file: string): AssessmentLoad {
  const read = readTextFile(file);
  if (read.text === undefined) return { assessments: [], problems: read.problems };
  return loadAssessmentStream(read.text, file, {});
}

const FILES_PER_SHAPE = Number(process.env.SHAPE_FILES ?? 20);

describe.each(SHAPES as string[])("the %s shape", (shape) => {
  const { criteria, template } = shapeInputs(shape) as { criteria: unknown[]; template: string };
  const random = prng(7) as () => number;
  const files = Array.from({ length: FILES_PER_SHAPE }, (_, n) => {
    const file = join(dir, `${shape}-${n}.yaml`);
    writeFileSync(file, shapeText(shape, n, criteria, random, template) as string);
    return file;
  });

  it("is taken by the fast path, CRLF and byte-order-mark files included", () => {
    for (const file of files) {
      const read = readTextFast(file);
      expect(read?.clean, file).toBe(true);
      expect(fastLoad(read!.text, file, {}, read), file).toBeDefined();
    }
  });

  it("loads and scores exactly as the full loader does", () => {
    for (const file of files) {
      const fast = outcome(loadAssessmentsAny(file));
      expect(fast.assessments, file).toHaveLength(1);
      expect(fast, file).toEqual(outcome(fullLoad(file)));
    }
  });

  it("loads scores only (a batch: JSON through io/scan-json.ts) exactly as the full loader does", () => {
    for (const file of files) {
      const fast = outcome(loadAssessmentsAny(file, { scoresOnly: true }));
      expect(fast.assessments, file).toHaveLength(1);
      const read = readTextFile(file);
      expect(fast, file).toEqual(outcome(loadAssessmentStream(read.text!, file, { scoresOnly: true })));
    }
  });

  it("gives the full loader's problems for a file with one (the fast path declines it)", () => {
    const texts = files.slice(0, 4).map((file) => readTextFile(file).text!);
    const broken = [
      // A language code in capitals, a criterion that does not exist, an agency id with a space, a day that does not exist.
      texts[0]!.replace(/("?language"?: ?"?)en/, "$1EN"),
      texts[1]!.replace(/"?publication\.web-portal"?(: ?)/, (m) => m.replace("web-portal", "web-portl")),
      texts[2]!.replace(/agency-(\d+)/, "agency $1"),
      texts[3]!.replace(/("?date"?: ?"?)2026-(\d\d)-\d\d/, "$12026-$2-32"),
    ];
    broken.forEach((text, k) => {
      const file = join(dir, `${shape}-broken-${k}.yaml`);
      writeFileSync(file, text);
      const fast = outcome(loadAssessmentsAny(file));
      expect(fast.problems.length, `${shape} ${k}`).toBeGreaterThan(0);
      expect(fast, `${shape} ${k}`).toEqual(outcome(fullLoad(file)));
    });
  });
});
