import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/problems.js";
import { score } from "../../src/score/run.js";

const bin = "bin/egov-maturity.js";
const examples = readdirSync("examples")
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => `examples/${f}`);

function cliJson(args: string[]): unknown {
  const r = spawnSync(process.execPath, [bin, "score", ...args, "--format", "json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return JSON.parse(r.stdout);
}

describe("score() as a library", () => {
  it("gives exactly the data of the CLI's --format json on the examples", async () => {
    expect(await score(examples)).toEqual(cliJson(examples));
  });

  it("takes the flags in camelCase: groupBy, lang, top, sort, filter", async () => {
    const options = { groupBy: "sector", lang: "ar", top: 2, sort: "name", filter: ["stage>=publication"] };
    expect(await score(examples, options)).toEqual(cliJson([...examples, "--group-by", "sector", "--lang", "ar", "--top", "2", "--sort", "name", "--filter", "stage>=publication"]));
  });

  it("returns problems with the inputs as data, and rejects invalid options with a UsageError", async () => {
    const result = await score(["examples/passport-directorate.yaml", "no-such-file.yaml"]);
    expect(result.agencies).toBe(1);
    expect(result.errors.map((e) => e.code)).toEqual(["FILE_NOT_FOUND"]);
    await expect(score(examples, { top: 0 })).rejects.toBeInstanceOf(UsageError);
    await expect(score(examples, { groupBy: "sectr" })).rejects.toThrow(/no agency has the group key `sectr`/);
  });

  it("streams agencies and problems through onRecord, in input order, with no kept results", async () => {
    const records: { type: string; id?: string }[] = [];
    const result = await score([...examples, "no-such-file.yaml"], { onRecord: (r) => records.push(r) });
    expect(result.results).toEqual([]);
    expect(records.filter((r) => r.type === "agency")).toHaveLength(examples.length);
    expect(records.filter((r) => r.type === "error")).toHaveLength(1);
    const r = spawnSync(process.execPath, [bin, "score", ...examples, "no-such-file.yaml", "--format", "ndjson"], { encoding: "utf8" });
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { type: string });
    expect(lines.slice(0, -1)).toEqual(records);
  });
});
