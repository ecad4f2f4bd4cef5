import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance, MAX_SUGGEST_LENGTH } from "../../src/core/suggest.js";

/** The plain full-matrix distance, to check the banded one against. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe("suggestions are bounded", () => {
  it("the banded distance equals the full one within its bound, Infinity beyond", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "c", "."), maxLength: 12 }), fc.string({ unit: fc.constantFrom("a", "b", "c", "."), maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const full = fullDistance(a, b);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : Infinity);
      }),
      { numRuns: 2000 },
    );
  });

  it("still suggests the near misses it always did", () => {
    expect(closest("pub.aa", ["pub.a", "pub.b", "exec.c"])).toBe("pub.a");
    expect(didYouMean("wieght", ["weight", "title"])).toBe("did you mean `weight`?");
    expect(closest("wrong.online-share", ["execution.online-share"])).toBe("execution.online-share");
    expect(closest("zzzzzz", ["weight"])).toBeUndefined();
  });

  it("gives no suggestion for an over-long id, and stays fast on many long candidates", () => {
    expect(closest("a".repeat(MAX_SUGGEST_LENGTH + 1), ["a".repeat(MAX_SUGGEST_LENGTH + 1)])).toBeUndefined();
    const candidates = Array.from({ length: 100_000 }, (_, i) => `criterion.${i}.${"x".repeat(50)}`);
    const start = performance.now();
    closest(`criterion.${"y".repeat(50)}`, candidates);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
