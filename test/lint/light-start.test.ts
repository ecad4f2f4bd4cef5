// `score` starts without zod and `yaml` (io/full-path.ts): in the built bundle (npm test builds first),
// the modules `score` loads at start — main, the program, the score command and every chunk they import
// statically — hold neither; the chunks that do are reached only through a dynamic import.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const DIR = join(ROOT, "dist/bundle");
const text = (file: string) => readFileSync(join(DIR, file), "utf8");

/** The chunks a bundle file imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function staticImports(source: string): string[] {
  return [...source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
}

/** Every bundle file loaded before the command runs: the closure of static imports from `entries`. */
function loadedAtStart(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...staticImports(text(file)));
  }
  return seen;
}

/** The file a dynamic `import("./<prefix>-….js")` in `source` names. */
function dynamicImport(source: string, prefix: string): string {
  const m = new RegExp(`import\\("\\./(${prefix}-[A-Z0-9]+\\.js)"\\)`).exec(source);
  expect(m, `import("./${prefix}-….js")`).not.toBeNull();
  return m![1]!;
}

const ZOD = /\$ZodType|ZodError/;
const YAML = /YAMLParseError/;

describe("what `score` loads at start", () => {
  const program = dynamicImport(text("main.js"), "program");
  const score = dynamicImport(text(program), "score");
  const start = loadedAtStart(["main.js", program, score]);

  it("holds neither zod nor yaml", () => {
    for (const file of start) {
      expect(ZOD.test(text(file)), `${file} holds zod`).toBe(false);
      expect(YAML.test(text(file)), `${file} holds yaml`).toBe(false);
    }
  });

  it("while the bundle does hold them, in chunks loaded later", () => {
    const all = readdirSync(DIR).filter((f) => f.endsWith(".js"));
    const later = all.filter((f) => !start.has(f));
    expect(later.some((f) => ZOD.test(text(f)))).toBe(true);
    expect(later.some((f) => YAML.test(text(f)))).toBe(true);
    // The other commands load them first thing (src/cli/program.ts), through the program's chunks.
    expect(loadedAtStart(["main.js", program]).size).toBeLessThan(start.size);
  });

  it("is smaller than what the full path adds", () => {
    const bytes = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + text(f).length, 0);
    const loader = [...start].find((f) => /import\("\.\/full-path-modules-/.test(text(f)));
    expect(loader, "the chunk that loads the full path").toBeDefined();
    const full = loadedAtStart([dynamicImport(text(loader!), "full-path-modules")]);
    const added = [...full].filter((f) => !start.has(f));
    expect(bytes(start)).toBeLessThan(bytes(added));
    expect(added.some((f) => ZOD.test(text(f)))).toBe(true);
  });
});

// The renderers of the other formats are loaded when chosen (score/formats/lazy.ts, report/formats/lazy.ts):
// a JSON score or report compiles neither the table renderer (cli-table3) nor the HTML writer.
const TABLE = /setDebugLevel/;
const HTML = /<!DOCTYPE html>/;

describe("what `score` and `report` load at start", () => {
  const program = dynamicImport(text("main.js"), "program");
  for (const command of ["score", "report"]) {
    it(`${command}: neither the table renderer nor the HTML writer, which the bundle holds for later`, () => {
      const start = loadedAtStart(["main.js", program, dynamicImport(text(program), command)]);
      for (const file of start) {
        expect(TABLE.test(text(file)), `${file} holds cli-table3`).toBe(false);
        expect(HTML.test(text(file)), `${file} holds the HTML writer`).toBe(false);
      }
      const all = readdirSync(DIR).filter((f) => f.endsWith(".js"));
      expect(all.some((f) => TABLE.test(text(f)))).toBe(true);
      expect(all.some((f) => HTML.test(text(f)))).toBe(true);
    });
  }
});
