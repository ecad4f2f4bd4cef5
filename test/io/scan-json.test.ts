// The batch's JSON reader (io/scan-json.ts) against the full loader: whatever it takes, it gives the
// assessment the full loader gives (scores only), or the value it gives is refused exactly where the
// full loader finds a problem; it declines the rest. Checked on the shapes `npm run bench` scores, on
// hand-picked traps and on random edits of small assessments, from decoded text and from bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the bench's generators are plain JavaScript, without type declarations
import { prng } from "../../bench/batch.js";
// @ts-expect-error: as above
import { shapeInputs, shapeText } from "../../bench/shapes.js";
import { checkAssessment, type Assessment } from "../../src/core/assessment.js";
import { isAssessmentFile } from "../../src/core/assessment-guard.js";
import { loadAssessmentRubric } from "../../src/io/rubric-load.js";
import { scanAssessmentJson } from "../../src/io/scan-json.js";
import { fullLoad, readForms } from "./loader-differential.js";

const FILE = "scan.json";

/** What the reader's value comes to: declined, refused (a problem the full path words), or the assessment. */
function scanned(text: string, form: { bytes: boolean; clean: boolean }): Assessment | "declined" | "refused" {
  const value = scanAssessmentJson(text, form);
  if (value === undefined) return "declined";
  if (!isAssessmentFile(value) || typeof value.rubric !== "string") return "refused";
  const rubric = loadAssessmentRubric(value.rubric, FILE, {}).rubric;
  if (rubric === undefined) return "refused";
  const checked = checkAssessment(value, rubric, { scoresOnly: true });
  return checked.problems.length > 0 ? "refused" : checked.assessment;
}

/** The full loader on the same text, scores only: the assessment, or refused. */
const full = (text: string) => fullLoad(text, FILE);
const forms = readForms;

function agrees(text: string): void {
  const expected = full(text);
  for (const { text: source, form } of forms(text)) {
    const got = scanned(source, form);
    if (got !== "declined") expect(got, `${form.bytes ? "bytes" : "text"}: ${text.slice(0, 300)}`).toEqual(expected);
  }
}

const { criteria } = shapeInputs("json") as { criteria: { id: string; type?: string; bands?: unknown }[] };
const level = criteria.find((c) => c.type === undefined || c.type === "level")!.id;
const yesNo = criteria.find((c) => c.type === "boolean")!.id;
const number = criteria.find((c) => c.type === "number" && c.bands === undefined)!.id;

/** A small assessment with every kind of answer, evidence and text the reader meets. */
const SMALL = JSON.stringify({
  rubric: "egov-maturity@2",
  agency: { id: "small-1", name: { en: "Small", ar: "الجهة الصغيرة" }, groups: { sector: "health", size: 3 } },
  assessor: "Team",
  date: "2026-03-04",
  language: "en",
  targets: { publication: 0.5 },
  answers: {
    [level]: { level: 2, evidence: [{ url: "https://x.example/a", note: "Seen", date: "2026-02-03" }, "Minutes, item 4"], notes: "Checked twice" },
    [yesNo]: true,
    [number]: { value: 40, evidence: [{ note: "ملاحظة" }] },
    [criteria[5]!.id]: { na: "Not offered" },
    [criteria[6]!.id]: null,
  },
});

describe("scanAssessmentJson", () => {
  it("takes JSON as JSON.stringify writes it, compact or indented, CRLF and byte-order marks included, and gives the full loader's assessment", () => {
    const random = prng(11) as () => number;
    for (let n = 0; n < 20; n++) {
      let text = shapeText("json", n, criteria, random, "") as string;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // readTextFast drops the mark
      const expected = full(text);
      expect(expected).not.toBe("refused");
      for (const { text: source, form } of forms(text)) expect(scanned(source, form), `file ${n}`).toEqual(expected);
    }
    for (const { text: source, form } of forms(SMALL)) expect(scanned(source, form)).toEqual(full(SMALL));
  });

  it("declines what YAML reads differently or refuses, and what it would have to build to word", () => {
    const set = (from: string, to: string): string => {
      expect(SMALL.includes(from), from).toBe(true);
      return SMALL.replace(from, to);
    };
    const traps: [string, string][] = [
      ["a key written twice at the top", set('"assessor":"Team"', '"assessor":"Team","assessor":"Other"')],
      ["an answer written twice", set(`"${yesNo}":true`, `"${yesNo}":true,"${yesNo}":false`)],
      ["a key written twice in an answer", set('"level":2', '"level":2,"level":3')],
      ["a key written twice in evidence", set('"note":"Seen"', '"note":"Seen","note":"Again"')],
      ["a __proto__ key", set('"assessor":"Team"', '"__proto__":{"x":1}')],
      ["a merge key", set('"size":3', '"<<":{"x":1}')],
      ["a key of 1,000 characters", set('"size":3', `"${"k".repeat(1000)}":3`)],
      ["a number too large to be finite", set('"size":3', '"size":1e400')],
      ["an escaped surrogate", set('"assessor":"Team"', '"assessor":"\\ud83d\\ude00"')],
      ["a raw line end in a string", set('"assessor":"Team"', '"assessor":"Te\nam"')],
      ["text after the object", `${SMALL} x`],
      ["two objects", `${SMALL}${SMALL}`],
      ["empty evidence", set('{"note":"ملاحظة"}', "{}")],
      ["evidence with a date only", set('{"note":"ملاحظة"}', '{"date":"2026-01-01"}')],
      ["evidence with an unknown key", set('{"note":"ملاحظة"}', '{"note":"x","page":3}')],
      ["an empty url", set('"url":"https://x.example/a"', '"url":""')],
      ["a null note", set('"note":"Seen"', '"note":null')],
      ["a day that does not exist", set('"date":"2026-02-03"', '"date":"2026-02-30"')],
      ["an escaped date", set('"date":"2026-02-03"', '"date":"2026-02-0\\u0033"')],
      ["an empty string as evidence", set('"Minutes, item 4"', '""')],
      ["notes that are not text", set('"notes":"Checked twice"', '"notes":3')],
      ["an answer that is text", set(`"${yesNo}":true`, `"${yesNo}":"yes"`)],
      ["an answer that is a list", set(`"${yesNo}":true`, `"${yesNo}":[true]`)],
      ["an unknown key in an answer", set('"level":2', '"levle":2')],
      ["evidence that is not a list", set('"evidence":[{"note":"ملاحظة"}]', '"evidence":{"note":"x"}')],
      ["a leading zero", set('"size":3', '"size":03')],
      ["a bare fraction point", set('"size":3', '"size":3.')],
      ["a single-quoted string", set('"assessor":"Team"', "\"assessor\":'Team'")],
      ["a trailing comma", set('"size":3}', '"size":3,}')],
      ["nesting past the limit", set('"size":3', `"size":${"[".repeat(70)}${"]".repeat(70)}`)],
      ["a line indented 513 spaces", set('"size":3', `"size":\n${" ".repeat(513)}3`)],
      ["the first line indented 600 spaces", `${" ".repeat(600)}${SMALL}`],
      ["a document that is not an object", "[1]"],
    ];
    for (const [what, text] of traps) {
      for (const { text: source, form } of forms(text)) expect(scanAssessmentJson(source, form), what).toBeUndefined();
    }
  });

  it("reads escapes, negative zero, null answers and narrative fields as the full loader does", () => {
    const cases = [
      SMALL.replace('"Checked twice"', '"Checked \\"twice\\"\\n\\t\\\\ done"'),
      SMALL.replace('"Seen"', '"Seen \\/ \\u00e9t\\u00e9"'),
      SMALL.replace('"size":3', '"size":-0').replace(`"${yesNo}":true`, `"${yesNo}":null`).replace('"level":2', '"level":-0'),
      SMALL.replace('"assessor":"Team"', '"assessor":"Team","summary":{"en":"Fine","ar":"جيد"},"findings":{"publication":"Good"},"context":"Ctx","session":{"step":2}'),
      SMALL.replace('"level":2', '"level":2.0').replace('"value":40', '"value":4e1'),
      // CRLF line ends between members (a comma inside a string stays: a line end there is not JSON).
      `  \r\n${SMALL.replace(/,"/g, ',\r\n "')}\r\n\r\n`,
    ];
    for (const text of cases) {
      const expected = full(text);
      expect(expected, text).not.toBe("refused");
      for (const { text: source, form } of forms(text)) {
        const got = scanned(source, form);
        // From bytes a `\u` escape declines (it would be decoded twice); everything else is taken.
        if (form.bytes && text.includes("\\u")) expect(got).toBe("declined");
        else expect(got, `${form.bytes ? "bytes" : "text"}: ${text}`).toEqual(expected);
      }
    }
  });

  it("refuses with the full loader a value outside the rubric: a negative number, a level off the scale", () => {
    for (const text of [SMALL.replace('"value":40', '"value":-40'), SMALL.replace('"level":2', '"level":-2'), SMALL.replace('"level":2', '"level":2.5')]) {
      expect(full(text)).toBe("refused");
      for (const { text: source, form } of forms(text)) expect(scanned(source, form), text).toBe("refused");
    }
  });

  it("never disagrees with the full loader on random edits of an assessment (property)", () => {
    const token = fc.constantFrom('"', "\\", "\\u00e9", "\\ud83d", "{", "}", "[", "]", ",", ":", " ", "\n", "\r\n", "-", "0", "1e999", "01", "true", "null", '"__proto__"', '"<<"', '"level"', '"value"', '"na"', '"evidence"', '"notes"', '"url"', '"note"', '"date"', '"2026-02-30"', '""', "é", "م", "\t", '"x":1,', `"${level}":`, "{}", "[]", "\u2028", "\u0085");
    const edit = fc.oneof(
      fc.tuple(fc.constant("insert"), fc.nat(), token, fc.nat()),
      fc.tuple(fc.constant("delete"), fc.nat(), fc.constant(""), fc.integer({ min: 1, max: 12 })),
      fc.tuple(fc.constant("replace"), fc.nat(), token, fc.integer({ min: 1, max: 6 })),
    );
    const apply = (text: string, [op, at, what, n]: [string, number, string, number]): string => {
      const i = at % (text.length + 1);
      return op === "insert" ? text.slice(0, i) + what + text.slice(i) : op === "delete" ? text.slice(0, i) + text.slice(i + n) : text.slice(0, i) + what + text.slice(i + n);
    };
    const indented = JSON.stringify(JSON.parse(SMALL), null, 2);
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 3 }), (indent, edits) => {
        agrees(edits.reduce(apply, indent ? indented : SMALL));
      }),
      { numRuns: Number(process.env.SCAN_JSON_RUNS ?? 1500) },
    );
  });
});
