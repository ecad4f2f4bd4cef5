// A batch's fast YAML read skips answers' one-line evidence and notes (io/fast-yaml-skip.ts): checked
// where they stand, not built. Whatever the fast path then takes, it must give the assessment the full
// loader gives (scores only); what it would have had to build to word a problem it must leave to the
// full loader. Checked on the bench's flow shape, on traps and on random edits, from text and from bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the bench's generators are plain JavaScript, without type declarations
import { prng } from "../../bench/batch.js";
// @ts-expect-error: as above
import { shapeInputs, shapeText } from "../../bench/shapes.js";
import type { Assessment } from "../../src/core/assessment.js";
import { fastLoad } from "../../src/io/assessment-load.js";
import { fastParseYaml } from "../../src/io/fast-yaml.js";
import { SKIPPED_EVIDENCE, SKIPPED_NOTES } from "../../src/io/fast-yaml-skip.js";
import { fullLoad, readForms } from "./loader-differential.js";

const FILE = "skip.yaml";

/** The fast path as a batch runs it: the assessment, or undefined when it declines or finds a problem. */
function fast(text: string, form: { bytes: boolean; clean: boolean }): Assessment | undefined {
  const load = fastLoad(text, FILE, { scoresOnly: true, rubricCache: new Map() }, form);
  return load === undefined ? undefined : load.assessments[0]!.assessment;
}

/** The full loader on the same text, scores only: the assessment, or refused. */
const full = (text: string) => fullLoad(text, FILE);
const forms = readForms;

/** Whatever the fast path takes, it takes as the full loader does. */
function agrees(text: string): void {
  const expected = full(text);
  for (const { text: source, form } of forms(text)) {
    const got = fast(source, form);
    if (got !== undefined) expect(got, `${form.bytes ? "bytes" : "text"}: ${text.slice(0, 400)}`).toEqual(expected);
  }
}

const { criteria } = shapeInputs("flow") as { criteria: { id: string; type?: string; bands?: unknown }[] };
const level = criteria.find((c) => c.type === undefined || c.type === "level")!.id;
const yesNo = criteria.find((c) => c.type === "boolean")!.id;
const number = criteria.find((c) => c.type === "number" && c.bands === undefined)!.id;

/** A small assessment with one-line evidence and notes in every form the skip reads, and some it leaves. */
const SMALL = [
  "rubric: egov-maturity@2",
  "agency:",
  "  id: small-1",
  '  name: {en: "Small", ar: "الجهة الصغيرة"}',
  "  groups: {sector: health, size: 3}",
  "assessor: Team",
  "date: 2026-03-04",
  "language: en",
  "targets: {publication: 0.5}",
  "answers:",
  `  ${level}: {level: 2, evidence: [{url: "https://x.example/a", note: "Seen", date: 2026-02-03}, "Minutes, item 4"], notes: "Checked twice"}`,
  `  ${yesNo}: true`,
  `  ${number}: {"value":40,"evidence":[{"note":"ملاحظة","date":"2026-02-03"}],"notes":"ملاحظات"}`,
  `  ${criteria[5]!.id}: {na: "Not offered", evidence: [], notes: ""}`,
  `  ${criteria[6]!.id}: null`,
  `  ${criteria[7]!.id}: {level: 1, evidence: [ {url: "https://y.example/[1]" , date: "2026-01-31"} ]}`,
  "",
].join("\n");

/** SMALL with one piece replaced (the piece must be there). */
function set_(from: string, to: string): string {
  expect(SMALL.includes(from), from).toBe(true);
  return SMALL.replace(from, to);
}

describe("the batch's fast YAML read without evidence and notes", () => {
  it("skips one-line evidence and notes and gives the full loader's assessment, on the bench's flow files and a small one", () => {
    const [value] = fastParseYaml(SMALL, { bytes: false, clean: true, scoresOnly: true }) as [{ answers: Record<string, { evidence?: unknown; notes?: unknown }> }];
    // The skip is taken (not a full read that happens to agree): the shared empty values stand in.
    expect(value.answers[level]!.evidence).toBe(SKIPPED_EVIDENCE);
    expect(value.answers[level]!.notes).toBe(SKIPPED_NOTES);
    expect(value.answers[number]!.evidence).toBe(SKIPPED_EVIDENCE);
    expect(value.answers[criteria[7]!.id]!.evidence).toBe(SKIPPED_EVIDENCE);
    // Without scoresOnly, everything is built.
    const [built] = fastParseYaml(SMALL, { bytes: false, clean: true }) as [typeof value];
    expect(built.answers[level]!.evidence).toEqual([{ url: "https://x.example/a", note: "Seen", date: "2026-02-03" }, "Minutes, item 4"]);
    for (const { text, form } of forms(SMALL)) expect(fast(text, form)).toEqual(full(SMALL));
    const random = prng(7) as () => number;
    for (let n = 0; n < 20; n++) {
      let text = shapeText("flow", n, criteria, random, "") as string;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // readTextFast drops the mark
      const expected = full(text);
      expect(expected).not.toBe("refused");
      for (const { text: source, form } of forms(text)) expect(fast(source, form), `file ${n}`).toEqual(expected);
    }
  });

  it("leaves to the full loader what would be a problem, and reads as any other value what it does not skip", () => {
    const set = (from: string, to: string): string => {
      expect(SMALL.includes(from), from).toBe(true);
      return SMALL.replace(from, to);
    };
    const refused: [string, string][] = [
      ["empty evidence", set('{"note":"ملاحظة","date":"2026-02-03"}', "{}")],
      ["evidence with a date only", set('{"note":"ملاحظة","date":"2026-02-03"}', '{"date":"2026-02-03"}')],
      ["evidence with an unknown key", set('"note":"ملاحظة"', '"note":"x","page":"3"')],
      ["a key written twice in evidence", set('note: "Seen"', 'note: "Seen", note: "Again"')],
      ["an empty url", set('url: "https://x.example/a"', 'url: ""')],
      ["a null note", set('note: "Seen"', "note: null")],
      ["a number as a note", set('note: "Seen"', "note: 3")],
      ["a day that does not exist (plain)", set("date: 2026-02-03}", "date: 2026-02-30}")],
      ["a day that does not exist (quoted)", set('"date":"2026-02-03"', '"date":"2026-02-30"')],
      ["a date that is no date", set("date: 2026-02-03}", "date: 2026-2-3}")],
      ["an empty text as evidence", set('"Minutes, item 4"', '""')],
      ["a number as evidence", set('"Minutes, item 4"', "4")],
      ["notes that are not text", set('notes: "Checked twice"', "notes: 3")],
      ["evidence that is not a list", set('"evidence":[{"note":"ملاحظة","date":"2026-02-03"}]', '"evidence":{"note":"x"}')],
      ["a comment after a plain date", set("date: 2026-02-03}", "date: 2026-02-03 #x}")],
    ];
    for (const [what, text] of refused) {
      expect(full(text), what).toBe("refused");
      for (const { text: source, form } of forms(text)) expect(fast(source, form), what).toBeUndefined();
    }
    // Valid, in forms the skip leaves to the reader: the same assessment either way.
    const taken: [string, string][] = [
      ["a plain url", set('url: "https://x.example/a"', "url: https://x.example/a")],
      ["single quotes", set('note: "Seen"', "note: 'Seen'")],
      ["an escape", set('note: "Seen"', 'note: "Seen \\"twice\\""')],
      ["an anchor and an alias", set(`"value":40,"evidence":[{"note":"ملاحظة","date":"2026-02-03"}]`, '"value":40,"evidence":&e [{"note":"ملاحظة"}]').replace("evidence: []", "evidence: *e")],
      ["spaces around everything", set('{url: "https://x.example/a", note: "Seen", date: 2026-02-03}', '{ url :  "https://x.example/a" ,  note: "Seen",date:   2026-02-03   }')],
      ["plain notes", set('notes: "Checked twice"', "notes: Checked twice")],
      ["a plain text as evidence", set('"Minutes, item 4"', "Minutes item 4")],
    ];
    // YAML allows a trailing comma in a flow collection; the fast reader leaves it to the full one.
    for (const text of [set('"Minutes, item 4"]', '"Minutes, item 4", ]'), set("date: 2026-02-03}", "date: 2026-02-03, }")]) {
      expect(full(text)).not.toBe("refused");
      for (const { text: source, form } of forms(text)) expect(fast(source, form)).toBeUndefined();
    }
    for (const [what, text] of taken) {
      const expected = full(text);
      expect(expected, what).not.toBe("refused");
      for (const { text: source, form } of forms(text)) expect(fast(source, form), what).toEqual(expected);
    }
  });

  it("skips a long list at a bounded cost: each text is looked at once, not to the end of its line", () => {
    // 400,000 texts on one line of evidence (2 MB): scanning the rest of the line for a bracket at each
    // text would read some 4·10¹¹ characters.
    const many = set_(`"Minutes, item 4"]`, `${'"a", '.repeat(400_000)}"b"]`);
    const start = performance.now();
    const [value] = fastParseYaml(many, { bytes: false, clean: true, scoresOnly: true }) as [{ answers: Record<string, { evidence?: unknown }> }];
    expect(value.answers[level]!.evidence).toBe(SKIPPED_EVIDENCE);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("never disagrees with the full loader on random edits of an assessment (property)", () => {
    const token = fc.constantFrom('"', "'", "\\", "\\u00e9", "{", "}", "[", "]", ",", ":", ": ", " ", "#", " #", "&a ", "*a", "-", "0", "2026-02-30", "2026-02-03", "2026-02-3", "null", "true", '""', "é", "م", "evidence: ", "notes: ", "url: ", "note: ", "date: ", '"url":', '"note":', '"date":', '"evidence":', "{}", "[]", `${"[".repeat(40)}`);
    const edit = fc.oneof(
      fc.tuple(fc.constant("insert"), fc.nat(), token, fc.nat()),
      fc.tuple(fc.constant("delete"), fc.nat(), fc.constant(""), fc.integer({ min: 1, max: 12 })),
      fc.tuple(fc.constant("replace"), fc.nat(), token, fc.integer({ min: 1, max: 6 })),
    );
    const apply = (text: string, [op, at, what, n]: [string, number, string, number]): string => {
      // Edits land in the answers, where the skip reads.
      const from = text.indexOf("answers:");
      const i = from + (at % (text.length - from + 1));
      return op === "insert" ? text.slice(0, i) + what + text.slice(i) : op === "delete" ? text.slice(0, i) + text.slice(i + n) : text.slice(0, i) + what + text.slice(i + n);
    };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        agrees(edits.reduce(apply, SMALL));
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 2000) },
    );
  });
});
