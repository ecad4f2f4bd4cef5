/**
 * `schema rubric` admits what `rubric show --format json` writes besides a rubric's own keys —
 * `schemaVersion` and each gate's `text` — and the loader reads them as words only: the same rubric,
 * the same digest.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digestOf } from "../src/io/rubric-digest.js";
import { loadRubricFile } from "../src/io/rubric-load.js";
import { MINI_RUBRIC, tempDir } from "./check/helpers.js";

describe("rubric files and rubric show's extra keys", () => {
  it("schemaVersion and a gate's text load, and change neither the rubric's gates nor its digest", () => {
    const plain = loadRubricFile(MINI_RUBRIC);
    const file = join(tempDir(), "rubric.yaml");
    const text = readFileSync(MINI_RUBRIC, "utf8").replace("id: mini\n", "schemaVersion: 1\nid: mini\n").replace("requires: [{dimension: security, min: 0.5}]", 'requires: [{dimension: security, min: 0.5, text: "Security ≥ 50.0%"}]');
    expect(text).toContain('text: "Security');
    writeFileSync(file, text);
    const shown = loadRubricFile(file);
    expect(shown.problems).toEqual([]);
    expect(digestOf(shown.rubric!)).toBe(digestOf(plain.rubric!));
    expect(shown.rubric!.dimensions.flatMap((d) => d.requires)).toEqual([{ dimension: "security", min: 0.5 }]);
  });

  it("another schemaVersion is refused at its line", () => {
    const file = join(tempDir(), "rubric.yaml");
    writeFileSync(file, readFileSync(MINI_RUBRIC, "utf8").replace("id: mini\n", "schemaVersion: 2\nid: mini\n"));
    expect(loadRubricFile(file).problems.map((p) => [p.code, p.line])).toEqual([[expect.any(String), 1]]);
  });
});
