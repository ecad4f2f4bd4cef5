// A built-in rubric is recognised by the SHA-256 of its source (io/rubric-cache.ts), checked on its
// bytes without decoding them: the digest of the bytes must be the digest of the text they encode.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachedRubric, sourceDigest } from "../../src/io/rubric-cache.js";
import { BUILTIN_RUBRICS_DIR } from "../../src/io/rubric-load.js";
import { ROOT } from "../helpers.js";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("a rubric's source digest", () => {
  it("is the same from the bytes as from the text, a byte-order mark left out (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.boolean(), (text, bom) => {
        const bytes = utf8(`${bom ? "\uFEFF" : ""}${text}`);
        expect(sourceDigest(bytes)).toBe(sourceDigest(text));
      }),
    );
  });

  it("finds the built-in rubric's cache entry from its bytes, and none once a byte changes", () => {
    const file = join(BUILTIN_RUBRICS_DIR, "egov-maturity.yaml");
    const bytes = new Uint8Array(readFileSync(file));
    // The build-time cache lives beside the built code (dist/rubric-cache): read through dist's module.
    return import(join(ROOT, "dist/io/rubric-cache.js")).then((built: typeof import("../../src/io/rubric-cache.js")) => {
      const hit = built.cachedRubric(file, BUILTIN_RUBRICS_DIR, bytes);
      expect(hit?.rubric.id).toBe("egov-maturity");
      expect(built.cachedRubric(file, BUILTIN_RUBRICS_DIR, readFileSync(file, "utf8"))?.digest).toBe(hit?.digest);
      const edited = bytes.slice();
      edited[edited.length - 2] = edited[edited.length - 2]! ^ 1;
      expect(built.cachedRubric(file, BUILTIN_RUBRICS_DIR, edited)).toBeUndefined();
      // Outside the built-in folder no cache entry is ever used.
      expect(cachedRubric(join(ROOT, "test/fixtures/mini/rubric.yaml"), BUILTIN_RUBRICS_DIR, bytes)).toBeUndefined();
    });
  });
});
