// What the differential tests of the batch's readers (scan-json, fast-yaml-skip) compare with: the
// full loader's assessment, and the forms in which `readTextFast` hands a text to the fast readers.
import type { Assessment } from "../../src/core/assessment.js";
import { loadAssessmentStream } from "../../src/io/assessment-full.js";
import { isClean } from "../../src/io/fast-read.js";
import { LONE_CR, REFUSED_CHARS } from "../../src/io/fast-yaml-scalars.js";

/** The full loader on a text, scores only: the assessment, or refused. */
export function fullLoad(text: string, file: string): Assessment | "refused" {
  const load = loadAssessmentStream(text, file, { scoresOnly: true });
  return load.problems.length > 0 || load.assessments.length !== 1 ? "refused" : load.assessments[0]!.assessment;
}

/** The forms `readTextFast` hands over: the decoded text when it is clean, and its UTF-8 bytes as a Latin-1 string. */
export function readForms(text: string): { text: string; form: { bytes: boolean; clean: boolean } }[] {
  const out: { text: string; form: { bytes: boolean; clean: boolean } }[] = [];
  if (!REFUSED_CHARS.test(text) && !LONE_CR.test(text)) out.push({ text, form: { bytes: false, clean: true } });
  const bytes = Buffer.from(text, "utf8");
  if (isClean(bytes, 0)) out.push({ text: bytes.toString("latin1"), form: { bytes: !bytes.every((b) => b < 0x80), clean: true } });
  return out;
}
