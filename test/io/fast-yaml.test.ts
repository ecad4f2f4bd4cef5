import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { fastParseJson } from "../../src/io/fast-json.js";
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

  it("resolves digits-first scalars and n/t/f words as the core schema does, in block and flow context", () => {
    const values = ["0", "7", "007", "123456789012345", "1234567890123456789", "12:30", "2026-02-09", "1_000", "12 34", "1.5", "1.", "1e3", "12E2", "0x1F", "0o17", "1o", "1x", "null", "Null", "NULL", "nULL", "nulls", "true", "True", "TRUE", "tRUE", "truth", "false", "False", "FALSE", "fAlse", "falsey", "north", "n", "t", "f", "N", "tr", "fals"];
    for (const v of values) {
      for (const text of [`a: ${v}\n`, `a: {k: ${v}, ${v}: 1}\n`, `a: [${v}]\n`, `${v}: 1\n`]) {
        const fast = fastParseYaml(text);
        // Declining is allowed (the full parser then reads it); a value read must be the full parser's.
        if (fast !== undefined) expect(fast, JSON.stringify(text)).toEqual(reference(text));
      }
    }
    // The common ones are taken, not declined (as keys, those that are strings: a null, bool or number key declines).
    for (const v of ["007", "2026-02-09", "12:30", "null", "True", "FALSE", "north", "notes"]) expect(fastParseYaml(`a: {k: ${v}}\nb: ${v}\n`), v).toBeDefined();
    for (const v of ["2026-02-09", "12:30", "north", "notes", "nulls", "truth"]) expect(fastParseYaml(`${v}: 1\na: {${v}: 2}\n`), v).toBeDefined();
  });

  it("declines what it does not handle: tags, folded scalars, multi-line scalars, tabs, duplicates", () => {
    for (const text of ["a: !!str 1\n", "a: >\n  text\n", "a: |+\n  text\n", "a: |2\n   text\n", "a: one\n  two\n", "a:\t1\n", "a: 1\na: 2\n", 'a: "x\n  y"\n', "a: 0x1F\n", "a: .inf\n", "? a\n: b\n", "a: [1,\n  2]\n"]) {
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

describe("fastParseYaml on the shapes planners send", () => {
  const accepted = (text: string) => {
    const fast = fastParseYaml(text);
    expect(fast, JSON.stringify(text)).toBeDefined();
    expect(fast).toEqual(reference(text));
  };

  it("reads flow maps without spaces after JSON-like keys, and JSON as JSON.stringify writes it", () => {
    accepted('a: {"level":3,"evidence":[{"url":"https://x.example/a","note":"n"}],"notes":"q"}\n');
    accepted('{"rubric":"egov-maturity@1","agency":{"id":"x","groups":{"sector":"health"}},"answers":{"a.b":{"level":2},"c":true,"d":null}}\n');
    accepted("a: {level: 3,evidence: [x,y]}\n");
    // A plain key has no JSON-like `:`: `{a:1}` is one scalar key, left to the full parser.
    expect(fastParseYaml("a: {b:1}\n")).toBeUndefined();
  });

  it("reads anchors and aliases as the yaml package does", () => {
    for (const text of ["a: &e\n  - x\n  - y\nb: *e\nc: &f 3\nd: *f\n", "- &a [1, 2]\n- *a\n", "a: {b: &x 1, c: *x}\n", "a: &m\n  k: v\nb: *m # again\n", "- &s\n  - 1\n- *s\n"]) accepted(text);
    // An unknown alias, an alias inside its anchor's node, an anchor defined twice, an alias bomb: the full parser's.
    for (const text of ["a: *nope\n", "a: &x [1, *x]\n", "a: &x 1\nb: &x 2\n", `a: &x 1\n${Array.from({ length: 101 }, (_, i) => `b${i}: *x`).join("\n")}\n`]) expect(fastParseYaml(text), text).toBeUndefined();
  });

  it("reads literal block scalars (| and |-) as the yaml package does", () => {
    for (const text of ["a: |\n  x\n   y\n\n  z\n\n\nb: 1\n", "a: |-\n  x\n\n", "a: |\n\n  x\n", "a: |\n  # not a comment\n", "- a: |\n    x\n  b: 2\n", "- |\n  x\n  y\n- z\n", "a:\n  notes: |\n    line one\n    line two\n  level: 3\n", "a: |\nb: 1\n", '"q": |\n  x: [y] "z" # w\n  \\n {\n', "- &s\n  a: |-\n    y\n- b\n", "a:\n  - k: |\n      ملاحظة\n    l: 2\n", "a: |\n  x\nb: *c\nc: 1\n".replace("b: *c\nc: 1", "c: &c 1\nb: *c")]) accepted(text);
    for (const text of ["a: |\n   \n  x\n", "a: |\n  x\n b: 1\n", "a: |\n    x\n  y\n"]) expect(fastParseYaml(text), text).toBeUndefined();
  });

  it("declines a lone `-` inside a flow collection and over-long keys (the full parser refuses them)", () => {
    for (const text of ["a: {na: -}\n", "a: [-]\n", "a: [x, -]\n", "a: {na: - }\n", `"${"\\u0041".repeat(200)}": 1\n`, `${"k".repeat(1030)}: 1\n`]) {
      expect(reference(text), text).toBeUndefined();
      expect(fastParseYaml(text), text).toBeUndefined();
    }
    accepted("a: {x: -1, y: -a}\n");
  });

  it("never disagrees with the yaml package on generated anchors, block scalars and JSON-like flow", () => {
    const word = fc.constantFrom("x", "-", "- ", "1", "-1", "a b", "#", " #c", "&a", "*a", "&b x", "*b", "|", "|-", '"q"', '"k":1', "{", "}", "[", "]", ",", ":", ": ", "", "  ", "\\u0041", "'s'");
    const line = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.array(word, { maxLength: 6 })).map(([indent, words]) => `${" ".repeat(indent)}${words.join("")}`);
    const doc = fc.array(fc.oneof(line, fc.constantFrom("a: |", "b: |-", "- |", "c: &a", "d: *a", "e: &b [1, 2]", "f: *b", "  x", "    y", "", "   ", "g: {\"k\":1,\"l\":[2]}")), { maxLength: 10 }).map((lines) => `${lines.join("\n")}\n`);
    fc.assert(fc.property(doc, agrees), { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) });
  });
});

describe("fastParseJson", () => {
  const agreesJson = (text: string) => {
    const fast = fastParseJson(text);
    if (fast !== undefined) expect(fast, text).toEqual(reference(text));
  };

  it("reads JSON as JSON.stringify writes it, compact or indented, exactly as the yaml package does", () => {
    const value = { rubric: "egov-maturity@1", agency: { id: "x", name: { en: "X", ar: "س" }, groups: { sector: "health" } }, answers: { "a.b": { level: 2, evidence: [{ url: "https://x/[1]", note: 'say "hi" \\ {x}' }] }, c: true, d: null, e: -0.5, f: 1e21 } };
    for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2), `${JSON.stringify(value, null, 2)}\n`]) {
      expect(fastParseJson(text)).toBeDefined();
      agreesJson(text);
    }
  });

  it("declines what YAML reads differently: duplicate keys, __proto__, numbers beyond range, surrogate escapes, tabs, deep nesting", () => {
    for (const text of ['{"a":1,"a":2}', '{"a":{"b":1,"b":1}}', '{"__proto__":1}', '{"<<":1}', '{"a":1e400}', '{"a":"\\ud83d\\ude00"}', '{"a":\t1}', `${"{\"a\":".repeat(70)}1${"}".repeat(70)}`, `{"${"k".repeat(1001)}":1}`, "[1]", "{a: 1}"]) {
      expect(fastParseJson(text), text).toBeUndefined();
    }
  });

  it("never disagrees with the yaml package on generated JSON", () => {
    const json = fc.jsonValue({ maxDepth: 4 }).map((v) => ({ k: v }));
    fc.assert(fc.property(json, fc.boolean(), (value, indent) => agreesJson(indent ? JSON.stringify(value, null, 2) : JSON.stringify(value))), { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) });
    const keyed = fc.array(fc.tuple(fc.constantFrom("a", "b", "a\\\"", "\\\\", "[", "{"), fc.constantFrom("1", '"x"', "[]", "{}", '"\\""', '"[["')), { maxLength: 6 }).map((pairs) => `{${pairs.map(([k, v]) => `"${k}":${v}`).join(",")}}`);
    fc.assert(fc.property(keyed, agreesJson), { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) });
  });
});

describe("deepIndent", () => {
  it("finds exactly the lines a regular expression finds: more than 512 spaces, `-` or `?` at a line's start (property)", async () => {
    const { deepIndent } = await import("../../src/io/fast-yaml.js");
    const reference = (text: string) => /(?:^|\n)[ ?-]{513}/.test(text);
    const run = fc.tuple(fc.constantFrom(" ", "-", "?", " -", "? "), fc.integer({ min: 0, max: 300 })).map(([unit, n]) => unit.repeat(n).slice(0, 600));
    const line = fc.tuple(run, fc.constantFrom("", "a", "x: 1", "\r", " ")).map(([indent, rest]) => indent + rest);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = lines.join("\n");
        expect(deepIndent(text), JSON.stringify(text.length)).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
    expect(deepIndent(" ".repeat(513))).toBe(true);
    expect(deepIndent(" ".repeat(512))).toBe(false);
    expect(deepIndent(`a\n${"-".repeat(512)}x\n${" ".repeat(513)}`)).toBe(true);
    expect(deepIndent(`${"?".repeat(512)}\n${" ".repeat(512)}a`)).toBe(false);
  });
});
