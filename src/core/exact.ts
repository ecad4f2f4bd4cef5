/**
 * Exact rational arithmetic for ties (DESIGN.md §4: "equal means equal in exact arithmetic").
 * Every number a rubric or an assessment types (weights, values, band scores, bounds) is read as the
 * decimal it was written as (0.1 is 1/10, not the nearest binary fraction), and levels are
 * value / highest value; sums and quotients are then exact. Used only where float noise would decide.
 */

/** A rational number n/d in lowest terms, d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d in lowest terms (d ≠ 0). */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/** Numbers read so far: weights, levels and values repeat across a batch's assessments. Bounded. */
const decimals = new Map<number, Rational>();

/** The decimal a finite number is written as (its shortest round-trip form), exactly. */
export function fromNumber(x: number): Rational {
  let known = decimals.get(x);
  if (known === undefined) {
    known = decimalOf(x);
    if (decimals.size >= 4096) decimals.clear();
    decimals.set(x, known);
  }
  return known;
}

function decimalOf(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`unexpected number form: ${String(x)}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  let n = BigInt(`${whole}${fraction}`);
  if (sign === "-") n = -n;
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? rational(n * 10n ** BigInt(shift)) : rational(n, 10n ** BigInt(-shift));
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** a / b (b ≠ 0). */
export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a clamped to [0, 1]. */
export function clampUnit(a: Rational): Rational {
  return compare(a, ZERO) < 0 ? ZERO : compare(a, ONE) > 0 ? ONE : a;
}

/** "n/d": a stable key (equal keys ⇔ equal numbers). */
export function key(a: Rational): string {
  return `${a.n}/${a.d}`;
}

/** The rational of a key made by `key`. */
export function parseKey(k: string): Rational {
  const [n, d] = k.split("/");
  return { n: BigInt(n ?? "0"), d: BigInt(d ?? "1") };
}
