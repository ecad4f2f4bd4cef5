// The import rules of the layout (.dependency-cruiser.cjs) hold on src/ and catch each kind of violation.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

function depcruise(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [DEPCRUISE, "src", "--config", join(ROOT, ".dependency-cruiser.cjs"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

// Inside the repository, so that npm packages (zod) resolve from its node_modules.
const sandbox = mkdtempSync(join(ROOT, ".lint-sandbox-"));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(sandbox, "case-"));
  cpSync(join(ROOT, "tsconfig.json"), join(dir, "tsconfig.json"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("import rules (npm run lint)", () => {
  it("src/ has no violation", () => {
    const r = depcruise(ROOT);
    expect(r.out).toContain("no dependency violations found");
    expect(r.code).toBe(0);
  }, 60_000);

  it("a copy of src/core with a file importing node:fs fails core-is-pure", () => {
    const dir = write({});
    cpSync(join(ROOT, "src/core"), join(dir, "src/core"), { recursive: true });
    const clean = depcruise(dir);
    expect(clean.code, clean.out).toBe(0);
    writeFileSync(join(dir, "src/core/leak.ts"), 'import { readFileSync } from "node:fs";\nexport const text = (f: string) => readFileSync(f, "utf8");\n');
    const r = depcruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/core-is-pure: src\/core\/leak\.ts → (node:)?fs/);
  }, 60_000);

  it("allows a cycle through a dynamic import (a module loaded on first need), not a static one", () => {
    const lazy = write({
      "src/io/light.ts": 'export async function heavy() {\n  return (await import("./heavy.js")).parse;\n}\nexport const limit = 1;\n',
      "src/io/heavy.ts": 'import { limit } from "./light.js";\nexport const parse = () => limit;\n',
    });
    const ok = depcruise(lazy);
    expect(ok.code, ok.out).toBe(0);
    const eager = write({
      "src/io/light.ts": 'import { parse } from "./heavy.js";\nexport const heavy = () => parse;\nexport const limit = 1;\n',
      "src/io/heavy.ts": 'import { limit } from "./light.js";\nexport const parse = () => limit;\n',
    });
    const r = depcruise(eager);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("no-circular");
  }, 60_000);

  it("catches core → io, shared → command, command → command, command → cli, and cycles", () => {
    const dir = write({
      "src/core/a.ts": 'import { load } from "../io/load.js";\nexport const a = load;\n',
      "src/io/load.ts": 'import { run } from "../report/run.js";\nexport const load = () => run;\n',
      "src/report/run.ts": 'import { other } from "../score/run.js";\nimport { flag } from "../cli/flags.js";\nexport const run = () => other + flag;\n',
      "src/score/run.ts": "export const other = 1;\n",
      "src/cli/flags.ts": "export const flag = 1;\n",
      "src/render/x.ts": 'import { y } from "./y.js";\nexport const x = () => y;\n',
      "src/render/y.ts": 'import { x } from "./x.js";\nexport const y = () => x;\n',
    });
    const r = depcruise(dir);
    expect(r.code).not.toBe(0);
    for (const rule of ["core-is-pure", "shared-never-imports-a-command", "command-never-imports-another-command", "command-never-imports-cli", "no-circular"]) expect(r.out).toContain(rule);
  }, 60_000);
});
