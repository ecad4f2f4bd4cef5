// score's large outputs are written in pieces, never as one string: a JSON batch longer than the
// longest string V8 allows is written to --output whole (issue 13, item 5).
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emit } from "../../src/cli/output.js";
import type { Batch, RankedAgency } from "../../src/score/batch.js";
import { scoreChunkedFormats } from "../../src/score/formats/index.js";
import { rubricOf } from "../helpers.js";

/** V8's longest string (2^29 - 24 characters on 64-bit): an output one character longer cannot be one string. */
const MAX_STRING = 2 ** 29 - 24;

function bytesAt(file: string, position: number, length: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

describe("score --format json to --output, larger than a string can be", () => {
  it("is written in pieces, whole, without `Invalid string length`", () => {
    const rubric = rubricOf("test/fixtures/mini/rubric.yaml");
    // Cheap: one result, listed many times, with a 1 MB name.
    const agency: RankedAgency = {
      rank: 1, seq: 0, file: "big.csv", document: 0, rubric: "mini@2.1.0", id: "a1", name: "n".repeat(1 << 20), groups: {},
      index: 0.5, classification: "high", stage: null, next: null, blockedBy: [], pendingGates: [], dimensions: rubric.dimensions.map(() => 0.5), weakest: null,
    };
    const count = Math.ceil(MAX_STRING / (1 << 20)) + 4;
    const batch: Batch = { rubric, files: 1, agencies: count, results: new Array<RankedAgency>(count).fill(agency), errors: [], summary: null, groupBy: null, groups: [] };
    const dir = mkdtempSync(join(tmpdir(), "egov-large-output-"));
    const file = join(dir, "out.json");
    try {
      const ctx = { lang: "en", color: false, toolVersion: "0.0.0", now: new Date(0), width: 80 };
      expect(() => emit(scoreChunkedFormats.json!(batch, ctx), { output: file })).not.toThrow();
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(MAX_STRING);
      expect(bytesAt(file, 0, 40)).toMatch(/^\{\n {2}"schemaVersion": 1,/);
      expect(bytesAt(file, 0, 4096)).toContain('"results": [\n    {"rank":1,"id":"a1","name":"nnnn');
      expect(bytesAt(file, size - 400, 400)).toMatch(/nnnn","groups":\{\},"file":"big\.csv".*"dimensions":\{"publication":0\.5,"execution":0\.5,"security":0\.5\}\}\n {2}\],\n {2}"errors": \[\],\n {2}"summary": null,\n {2}"groups": null\n\}\n$/s);
      // Only the output is left: the temporary file was renamed into place.
      expect(readdirSync(dir)).toEqual(["out.json"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
