/** Mean and spread of a set of scores. */
export interface Stats {
  count: number;
  mean: number | null;
  /** Population standard deviation. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** Running mean and spread (Welford): constant memory, whatever the batch size. */
export class RunningStats {
  private n = 0;
  private m = 0;
  private s2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  add(x: number): void {
    this.n++;
    const delta = x - this.m;
    this.m += delta / this.n;
    this.s2 += delta * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  result(): Stats {
    if (this.n === 0) return { count: 0, mean: null, sd: null, min: null, max: null };
    return { count: this.n, mean: this.m, sd: Math.sqrt(Math.max(0, this.s2 / this.n)), min: this.lo, max: this.hi };
  }
}
