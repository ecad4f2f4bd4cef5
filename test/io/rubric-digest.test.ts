import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, rubricDigest } from "../../src/io/rubric-digest.js";
import { loadRubric, loadRubricFile } from "../../src/io/rubric-load.js";

const MINI = readFileSync(new URL("../fixtures/mini/rubric.yaml", import.meta.url), "utf8");

function write(name: string, text: string): string {
  const root = mkdtempSync(join(tmpdir(), "egov-digest-"));
  const file = join(root, name);
  writeFileSync(file, text);
  return file;
}

describe("rubric digest", () => {
  it("is 12 hex digits, set by the loader, and stable", () => {
    const loaded = loadRubricFile(write("r.yaml", MINI));
    expect(loaded.rubric?.digest).toMatch(/^[0-9a-f]{12}$/);
    expect(rubricDigest(loaded.rubric!)).toBe(loaded.rubric!.digest);
  });

  it("does not depend on layout, key order, comments or spelt-out defaults", () => {
    const a = loadRubricFile(write("a.yaml", MINI)).rubric!;
    const reordered = MINI.replace("id: mini\nversion: 2.1.0\n", "version: 2.1.0\n# a comment\nid: mini\n").replace("    threshold: 0.6\n    target: 0.8\n", "    target: 0.8\n    threshold: 0.6\n    weight: 1\n");
    expect(reordered).not.toBe(MINI);
    const b = loadRubricFile(write("b.yaml", reordered)).rubric!;
    expect(b.digest).toBe(a.digest);
  });

  it("changes with any content that scores differently", () => {
    const a = loadRubricFile(write("a.yaml", MINI)).rubric!;
    const easier = loadRubricFile(write("c.yaml", MINI.replace("threshold: 0.6", "threshold: 0.1"))).rubric!;
    expect(easier.id).toBe(a.id);
    expect(easier.version).toBe(a.version);
    expect(easier.digest).not.toBe(a.digest);
  });

  it("names the built-in rubric alike from the build cache and from its YAML", () => {
    const builtin = loadRubric("egov-maturity").rubric!;
    const copy = loadRubricFile(write("copy.yaml", readFileSync(new URL("../../rubrics/egov-maturity.yaml", import.meta.url), "utf8"))).rubric!;
    expect(copy.digest).toBe(builtin.digest);
  });

  it("writes canonical JSON with sorted keys and maps as objects", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: "x" }], m: new Map([["z", 1], ["y", 2]]) })).toBe('{"a":[2,{"c":"x"}],"b":1,"m":{"y":2,"z":1}}');
  });
});

describe("the built-in rubrics' cache (dist/rubric-cache)", () => {
  it("carries each rubric's digest as computed from the loaded rubric", async () => {
    // The built loader reads the cache (the sources' loader has none beside it): the digest stored at
    // build time must be the one the rubric's content gives, or every batch would key it differently.
    const built = (await import(new URL("../../dist/io/rubric-load.js", import.meta.url).href)) as typeof import("../../src/io/rubric-load.js");
    const digest = (await import(new URL("../../dist/io/rubric-digest.js", import.meta.url).href)) as typeof import("../../src/io/rubric-digest.js");
    const ids = [...built.builtinRubrics().keys()];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const cached = JSON.parse(readFileSync(new URL(`../../dist/rubric-cache/${id}.json`, import.meta.url), "utf8")) as { digest?: string };
      const loaded = built.loadRubricFile(built.builtinRubrics().get(id)!).rubric!;
      expect(cached.digest, id).toMatch(/^[0-9a-f]{12}$/);
      expect(loaded.digest, id).toBe(cached.digest);
      expect(digest.rubricDigest(loaded), id).toBe(cached.digest);
      // The same as the sources' loader gives, reading the YAML.
      expect(loadRubricFile(built.builtinRubrics().get(id)!).rubric!.digest, id).toBe(cached.digest);
    }
  });
});
