// The tasks of a batch (score/tasks.ts): files in chunks that grow from one file, in input order.
import { describe, expect, it } from "vitest";
import { batchTasks, CHUNK_FILES } from "../../src/score/tasks.js";

describe("batchTasks", () => {
  it("starts with a chunk of one file and doubles up to CHUNK_FILES, every file once, in order", () => {
    const files = Array.from({ length: 200 }, (_, i) => `a/${String(i).padStart(3, "0")}.yaml`);
    const chunks = [...batchTasks(files, {}, new Map(), new Map())].map((t) => (t.request as { files: string[] }).files);
    expect(chunks.map((c) => c.length)).toEqual([1, 2, 4, 8, 16, 32, 32, 32, 32, 32, 9]);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(CHUNK_FILES);
    expect(chunks.flat()).toEqual(files);
  });

  it("a task says how many input files it completes", () => {
    const tasks = [...batchTasks(["x.yaml", "y.yaml", "z.yaml", "w.yaml"], {}, new Map(), new Map())];
    expect(tasks.map((t) => t.files)).toEqual([1, 2, 1]);
  });
});
