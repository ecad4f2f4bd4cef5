/**
 * writeFileAtomic, which --output and the `assess` autosave use: a failure between the write and the
 * rename (the target is a folder that cannot be replaced), or before the write (no such folder),
 * leaves the old content intact, no temporary file behind, and a WriteError naming the target.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WriteError, writeFileAtomic } from "../../src/io/write.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "egov-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function caught(fn: () => void): WriteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WriteError) return error;
    throw error;
  }
  throw new Error("no error thrown");
}

describe("writeFileAtomic under failure", () => {
  it("replaces the content in one step when all is well, with no temporary file left", () => {
    const target = join(dir, "a.yaml");
    writeFileSync(target, "old\n");
    writeFileAtomic(target, "new ✓ جديد\n");
    expect(readFileSync(target, "utf8")).toBe("new ✓ جديد\n");
    expect(readdirSync(dir)).toEqual(["a.yaml"]);
  });

  it("the rename fails (the target is a non-empty folder): the folder and its file are intact, the temporary file is gone", () => {
    const target = join(dir, "report.html");
    mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "keep\n");
    const error = caught(() => writeFileAtomic(target, "<html>"));
    expect(error.code).toBe("EISDIR");
    expect(error.problem.code).toBe("OUTPUT_NOT_WRITTEN");
    expect(error.problem.file).toBe(target);
    expect(readFileSync(join(target, "keep.txt"), "utf8")).toBe("keep\n");
    expect(readdirSync(dir)).toEqual(["report.html"]);
  });

  it("the folder does not exist, or a file stands where a folder should: nothing written, the sibling file untouched", () => {
    writeFileSync(join(dir, "file"), "old\n");
    expect(caught(() => writeFileAtomic(join(dir, "missing", "a.yaml"), "x")).code).toBe("ENOENT");
    expect(caught(() => writeFileAtomic(join(dir, "file", "a.yaml"), "x")).code).toBe("ENOTDIR");
    expect(readFileSync(join(dir, "file"), "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["file"]);
  });
});
