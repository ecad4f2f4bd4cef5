// The streamed output of ndjson (cli/output.ts outputStream): one write per turn of the event loop.
import { afterEach, describe, expect, it, vi } from "vitest";
import { outputStream } from "../../src/cli/output.js";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("outputStream to stdout", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gathers the lines of one turn into one write, made before the next turn", async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true));
    const stream = outputStream({});
    stream.write("a\n");
    stream.write("b\n");
    expect(writes).toEqual([]);
    await turn();
    // A reader downstream has the first lines now, not when 64 KB have gathered or the batch ends.
    expect(writes).toEqual(["a\nb\n"]);
    stream.write("c\n");
    stream.end();
    expect(writes).toEqual(["a\nb\n", "c\n"]);
    await turn();
    expect(writes).toHaveLength(2);
  });

  it("writes at once past about 64 KB, and writes nothing after abort", async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true));
    const stream = outputStream({});
    const line = `${"x".repeat(1023)}\n`;
    for (let i = 0; i < 64; i++) stream.write(line);
    expect(writes.join("")).toBe(line.repeat(64));
    stream.write("held\n");
    stream.abort();
    await turn();
    expect(writes.join("")).toBe(line.repeat(64));
  });
});
