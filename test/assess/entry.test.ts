import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEntry, parseNumber, splitRest } from "../../src/assess/entry.js";
import { commandOf } from "../../src/assess/keys.js";
import { loadRubric } from "../../src/io/rubric-load.js";

const rubric = loadRubric(resolve("test/fixtures/mini/rubric.yaml")).rubric!;
const level = rubric.criteria.get("pub.a")!;
const yesNo = rubric.criteria.get("sec.policy")!;
const number = rubric.criteria.get("exe.share")!;

describe("one line at a question", () => {
  it.each([
    ["3", { kind: "answer", value: { kind: "level", level: 3 }, editor: false }],
    ["٣", { kind: "answer", value: { kind: "level", level: 3 }, editor: false }],
    ["۳", { kind: "answer", value: { kind: "level", level: 3 }, editor: false }],
    ["3 e", { kind: "answer", value: { kind: "level", level: 3 }, editor: true }],
    ["3 ث", { kind: "answer", value: { kind: "level", level: 3 }, editor: true }],
    ["3 https://a.example/x;y=1 ; note", { kind: "answer", value: { kind: "level", level: 3 }, evidence: "https://a.example/x;y=1", note: "note", editor: false }],
    ["2 خطاب الوزير ؛ ملاحظة", { kind: "answer", value: { kind: "level", level: 2 }, evidence: "خطاب الوزير", note: "ملاحظة", editor: false }],
    ["", { kind: "command", command: "skip" }],
    ["ق", { kind: "command", command: "review" }],
    ["لا", { kind: "command", command: "back" }],
    ["؟", { kind: "command", command: "help" }],
    ["a reason ; note", { kind: "na", reason: "reason", note: "note" }],
  ])("level question: %j", (line, entry) => {
    expect(parseEntry(line, level, rubric, "en")).toEqual(entry);
  });

  it.each(["5", "٥", "-1", "3.5", "35", "x", "three", "3e"])("refuses %j at a 0–4 level", (line) => {
    expect(parseEntry(line, level, rubric, "en").kind).toBe("refused");
  });

  it("yes/no: y, n, the Arabic-layout letters and the Arabic words; «لا» is no, not back", () => {
    for (const [line, value] of [["y", true], ["غ", true], ["نعم", true], ["n", false], ["ى", false], ["لا", false]] as const) {
      expect(parseEntry(line, yesNo, rubric, "ar")).toMatchObject({ kind: "answer", value: { kind: "boolean", value } });
    }
    expect(parseEntry("3", yesNo, rubric, "en").kind).toBe("refused");
  });

  it("numbers: Arabic-Indic digits, separator and percent", () => {
    expect(parseNumber("٦٢٫٥٪")).toBe(62.5);
    expect(parseNumber("62%")).toBe(62.5 - 0.5);
    expect(parseNumber("1,000")).toBeUndefined();
    expect(parseEntry("٦٢ https://x.example", number, rubric, "en")).toMatchObject({ kind: "answer", value: { kind: "number", value: 62 }, evidence: "https://x.example" });
  });

  it("a key takes nothing after it", () => {
    expect(parseEntry("b 2", level, rubric, "en").kind).toBe("refused");
    expect(commandOf("ﻻ", ["back"])).toBe("back");
  });

  it("splits evidence and note at a ; with a space, not inside a URL", () => {
    expect(splitRest("https://a.example/x;y ; n")).toEqual({ evidence: "https://a.example/x;y", note: "n" });
    expect(splitRest("; only a note")).toEqual({ note: "only a note" });
    expect(splitRest("evidence;")).toEqual({ evidence: "evidence" });
  });
});
