import { escapeHtml } from "./escape.js";
import { isRtl } from "./html-page.js";
import { svgText } from "./svg-charts.js";

/**
 * The Okabe–Ito palette, distinguishable with every common colour-vision deficiency (yellow left
 * out: too pale on white). Black is kept for the series that matters most.
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D1F"] as const;

/** One line of a line chart: values in [0, 1] (null: a break in the line). */
export interface LineSeries {
  name: string;
  values: readonly (number | null)[];
  color: string;
  /** Stroke width (default 2). */
  width?: number;
  /** A dash pattern, e.g. "6 3", so lines of one colour stay apart. */
  dash?: string;
}

const round = (x: number) => Number(x.toFixed(1));

/** Moves label positions apart so no two are closer than `gap`, keeping them inside [lo, hi]. */
function spread(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed[placed.length - 1] ?? lo) - hi;
  if (overflow > 0) for (let k = placed.length - 1; k >= 0; k--) placed[k] = Math.min(placed[k]! - overflow, k < placed.length - 1 ? placed[k + 1]! - gap : Infinity);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(lo, placed[k]!)));
  return out;
}

/**
 * A line chart of scores over time: one line per series, each labelled with its name at its last
 * point (labels pushed apart so none overlap, joined to their point by a thin leader), a 0–100 % grid,
 * dates under the axis. Mirrored for a right-to-left language (the latest date at the left).
 * Class `trend`; each label has class `trend-label`. Pure and byte-stable.
 */
export function lineChartSvg(dates: readonly string[], series: readonly LineSeries[], opts: { lang: string; title: string; percent: (f: number) => string }): string {
  const W = 760;
  const H = 320;
  const rtl = isRtl(opts.lang);
  const plotLeft = 50;
  const plotRight = 215; // room for the labels
  const top = 14;
  const bottom = 36;
  const n = dates.length;
  const xOf = (i: number) => {
    const x = plotLeft + ((W - plotLeft - plotRight) * i) / Math.max(1, n - 1);
    return round(rtl ? W - x : x);
  };
  const yOf = (v: number) => round(top + (H - top - bottom) * (1 - Math.max(0, Math.min(1, v))));
  const parts = [`<title>${escapeHtml(opts.title)}</title>`, `<desc>${escapeHtml(series.map((s) => `${s.name}: ${s.values.map((v) => (v === null ? "—" : opts.percent(v))).join(", ")}`).join("; "))}</desc>`];
  const gridFrom = rtl ? plotRight : plotLeft;
  const gridTo = rtl ? W - plotLeft : W - plotRight;
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${gridFrom}" y1="${yOf(f)}" x2="${gridTo}" y2="${yOf(f)}" stroke="#d6dce4" stroke-width="1"/>`);
    parts.push(svgText([opts.percent(f)], rtl ? W - plotLeft + 6 : plotLeft - 6, yOf(f) + 4, { lang: "en", side: rtl ? "left-edge" : "right-edge", size: 11, fill: "#5b6675" }));
  }
  dates.forEach((d, i) => parts.push(svgText([d], xOf(i), H - bottom + 20, { lang: "en", side: "middle", size: 11, fill: "#5b6675" })));
  // Thin lines first, the thickest (the index) on top.
  const drawOrder = series.map((s, k) => ({ s, k })).sort((a, b) => (a.s.width ?? 2) - (b.s.width ?? 2) || a.k - b.k);
  for (const { s } of drawOrder) {
    const segments: string[][] = [[]];
    s.values.forEach((v, i) => (v === null ? segments.push([]) : segments[segments.length - 1]!.push(`${xOf(i)},${yOf(v)}`)));
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    for (const seg of segments) if (seg.length > 1) parts.push(`<polyline class="trend-line" points="${seg.join(" ")}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${dash} stroke-linejoin="round"/>`);
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(`<circle cx="${xOf(i)}" cy="${yOf(v)}" r="${(s.width ?? 2) + 1}" fill="${s.color}"/>`);
    });
  }
  // Labels at each line's last point, pushed apart.
  const ends = series.map((s) => {
    let last = -1;
    s.values.forEach((v, i) => (v !== null ? (last = i) : undefined));
    return last;
  });
  const wanted = series.map((s, k) => (ends[k]! < 0 ? 0 : yOf(s.values[ends[k]!] ?? 0)));
  const placed = spread(wanted, 14, top + 4, H - bottom);
  series.forEach((s, k) => {
    if (ends[k]! < 0) return;
    const px = xOf(ends[k]!);
    const lx = rtl ? px - 18 : px + 18;
    parts.push(`<line x1="${px}" y1="${wanted[k]}" x2="${round(rtl ? lx + 3 : lx - 3)}" y2="${round(placed[k]!)}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    const label = s.name.length > 28 ? `${s.name.slice(0, 27)}…` : s.name;
    parts.push(svgText([label], lx, round(placed[k]! + 4), { lang: opts.lang, side: rtl ? "right-edge" : "left-edge", size: 12, cls: "trend-label", weight: (s.width ?? 2) > 2 ? 700 : 400, fill: "#1b2430" }));
  });
  return `<svg class="trend chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">${parts.join("")}</svg>`;
}
