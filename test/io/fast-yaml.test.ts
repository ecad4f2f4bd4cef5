import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { fastParseYaml } from "../../src/io/fast-yaml.js";

/** What the loader gets from the `yaml` package (same options as src/io/yaml.ts), or undefined when it reports an error. */
function reference(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true, schema: "core", customTags: [], merge: false });
  if (!Array.isArray(docs)) return [];
  if (docs.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  return docs.map((d) => d.toJS({ maxAliasCount: 100 }));
}

/** The fast reader either declines or gives exactly the reference values (and never accepts what the reference refuses). */
function agrees(text: string): void {
  const fast = fastParseYaml(text);
  if (fast === undefined) return;
  expect(fast).toEqual(reference(text));
}

describe("fastParseYaml", () => {
  it("reads every example assessment exactly as the yaml package does", () => {
    for (const name of readdirSync("examples").filter((f) => f.endsWith(".yaml"))) {
      const text = readFileSync(`examples/${name}`, "utf8");
      const fast = fastParseYaml(text);
      expect(fast, name).toBeDefined();
      expect(fast).toEqual(reference(text));
    }
  });

  it("resolves scalars as the core schema does", () => {
    const text = 'a: 3\nb: -2\nc: 0.5\nd: true\ne: False\nf: ~\ng:\nh: 2026-10-12\ni: "3"\nj: \'it\'\'s\'\nk: 007\nl: 1.\nm: text with: colon-less # comment\nn: {x: 1, y: [a, "b", 2.5]}\n';
    expect(fastParseYaml(text)).toEqual(reference(text));
  });

  it("declines what it does not handle: anchors, tags, block scalars, multi-line scalars, tabs, duplicates", () => {
    for (const text of ["a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: one\n  two\n", "a:\t1\n", "a: 1\na: 2\n", 'a: "x\n  y"\n', "a: 0x1F\n", "a: .inf\n", "? a\n: b\n", "a: [1,\n  2]\n"]) {
      expect(fastParseYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("splits documents as the yaml package does", () => {
    for (const text of ["a: 1\n---\nb: 2\n", "---\na: 1\n---\n", "# c\n---\na: 1\n", "---\n---\n", "a: 1\n--- # next\nb: [x]\n"]) agrees(text);
    expect(fastParseYaml("a: 1\n---\nb: 2\n")).toHaveLength(2);
  });

  it("never disagrees with the yaml package on generated assessment-like text", () => {
    const key = fc.constantFrom("rubric", "agency", "id", "name", "en", "ar", "level", "value", "na", "notes", "url", "a.b-c", "x y", "1", "true", "null", "-k", "k#", "__proto__");
    const scalar = fc.oneof(
      fc.constantFrom("3", "-1", "0.5", "1e3", "true", "no", "~", "", "null", "2026-01-02", "a: b", "x #c", "#c", "'q'", '"d"', '"a\\"b"', "'it''s'", "- x", "[1, 2]", "{a: 1}", "{a: [x, {b: c}]}", "https://a.b/c?d=e", "مديرية", "a\u00a0", "*x", "&a 1", "|", ">", "@x", "`x`", "%x", "!t x", "[a,", "{a: 1,}", "[ ]", "{ }"),
      fc.string({ maxLength: 12 }),
    );
    const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom("", "- "), key, fc.constantFrom(": ", ":", " : ", ":  "), scalar).map(([indent, dash, k, sep, v]) => `${" ".repeat(indent)}${dash}${k}${sep}${v}`);
    const doc = fc.array(fc.oneof(line, fc.constantFrom("---", "# comment", "", "  - item", "- [a, b]", "...")), { maxLength: 12 }).map((lines) => `${lines.join("\n")}\n`);
    fc.assert(fc.property(doc, agrees), { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) });
  });
});

describe("fastParseYaml on numbers it cannot hold", () => {
  it("declines an integer or float too large to be finite (the full parser then reports it)", () => {
    expect(fastParseYaml(`a: 1${"0".repeat(400)}\n`)).toBeUndefined();
    expect(fastParseYaml(`a: 1${"0".repeat(400)}.5\n`)).toBeUndefined();
    expect(fastParseYaml("a: 12\n")).toEqual([{ a: 12 }]);
  });
});
