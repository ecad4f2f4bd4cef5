import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, rubricOf } from "./helpers.js";

const SCRIPT = `${ROOT}scripts/rubric-tables.js`;
const README = `${ROOT}rubrics/README.md`;
const YAML = `${ROOT}rubrics/egov-maturity.yaml`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of the rubric and its README in a temporary folder, the rubric edited by `edit`. */
function copies(edit: (yaml: string) => string): { rubric: string; readme: string } {
  dir = mkdtempSync(join(tmpdir(), "rubric-tables-"));
  const rubric = join(dir, "egov-maturity.yaml");
  const readme = join(dir, "README.md");
  writeFileSync(rubric, edit(readFileSync(YAML, "utf8")));
  copyFileSync(README, readme);
  return { rubric, readme };
}

function check(rubric = YAML, readme = README) {
  return spawnSync(process.execPath, [SCRIPT, "--check", "--rubric", rubric, "--readme", readme], { encoding: "utf8" });
}

describe("rubrics/README.md framework tables", () => {
  it("are the ones generated from the refs of egov-maturity.yaml", () => {
    const r = check();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("are reported out of date when a ref changes, and regenerating brings them back in line", () => {
    const { rubric, readme } = copies((y) => y.replace("GTMI:I-22", "GTMI:I-12"));
    const stale = check(rubric, readme);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("out of date");
    execFileSync(process.execPath, [SCRIPT, "--rubric", rubric, "--readme", readme]);
    expect(readFileSync(readme, "utf8")).toContain("| World Bank GTMI 2022 | I-12 e-procurement portal | `execution.e-payment`, `execution.e-procurement` |");
    expect(check(rubric, readme).status).toBe(0);
  });

  it.each(["GTMI:I-99", "GTMI:I-27", "OECD-DGI:data-driven", "UN-OSI:services", "UN-LOSI:content"])("refuse a ref that names no real indicator: %s", (ref) => {
    const { rubric, readme } = copies((y) => y.replace("GTMI:I-22", ref));
    const r = check(rubric, readme);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`execution.e-payment: unknown ref ${ref}\n`);
  });

  it("name only criteria and dimensions that exist, list every tag, and place every criterion under a theme of the sources", () => {
    const rubric = rubricOf("egov-maturity");
    const text = readFileSync(README, "utf8");
    // "What changed in 2.0.0" names the criteria 2.0 removed; every table and list after it names today's.
    const current = text.slice(text.indexOf("### Dimensions, thresholds and gates"));
    const named = new Set([...current.matchAll(/`([a-z-]+)\.([a-z*-]+)`/g)].map((m) => `${m[1]}.${m[2]}`).filter((id) => !id.endsWith(".yaml") && !id.endsWith(".md")));
    const dimensions = new Set(rubric.dimensions.map((d) => d.id));
    for (const id of named) {
      if (id.endsWith(".*")) expect(dimensions.has(id.slice(0, -2)), id).toBe(true);
      else expect(rubric.criteria.has(id), id).toBe(true);
    }
    const tags = text.slice(text.indexOf("Tags: each criterion"), text.indexOf("### Every theme of the sources"));
    for (const c of rubric.criteria.values()) for (const tag of c.tags) expect(tags, `tag ${tag} of ${c.id}`).toContain(`\`${tag}\``);
    const themes = text.slice(text.indexOf("### Every theme of the sources"), text.indexOf("### International frameworks"));
    for (const c of rubric.criteria.values()) {
      const [dimension] = c.id.split(".");
      expect(themes.includes(`\`${c.id}\``) || themes.includes(`all \`${dimension}.*\``), c.id).toBe(true);
    }
  });
});
