import { escapeHtml } from "./escape.js";
import { directionOf, isRtl } from "./html-page.js";

/** Where a text should sit against its x coordinate, physically (not in reading order). */
type Side = "left-edge" | "right-edge" | "middle";

/** The `text-anchor` that puts a text's physical left or right edge at x, for the text's direction. */
function anchorFor(side: Side, rtl: boolean): "start" | "end" | "middle" {
  if (side === "middle") return "middle";
  // In a right-to-left text, `start` is the right edge.
  if (side === "left-edge") return rtl ? "end" : "start";
  return rtl ? "start" : "end";
}

const round = (x: number) => Number(x.toFixed(1));

/** Splits a label into lines of at most `max` characters at spaces (a longer word stays whole), at most `lines` lines. */
export function wrapLabel(text: string, max: number, lines = 3): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const out: string[] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${kept[lines - 1] ?? ""}…`;
    return kept;
  }
  return out.length === 0 ? [""] : out;
}

/**
 * An SVG `<text>` of one or more lines: escaped, with its own `direction` so Arabic reads right to
 * left and the anchor puts the requested physical edge at x. `dy0` shifts the first line.
 */
export function svgText(lines: readonly string[], x: number, y: number, opts: { lang: string; side: Side; size: number; cls?: string; weight?: number; lineHeight?: number; fill?: string }): string {
  const rtl = isRtl(opts.lang);
  const lh = opts.lineHeight ?? Math.round(opts.size * 1.25);
  const spans = lines.map((line, i) => `<tspan x="${round(x)}" dy="${i === 0 ? 0 : lh}">${escapeHtml(line)}</tspan>`).join("");
  const cls = opts.cls ? ` class="${opts.cls}"` : "";
  const weight = opts.weight ? ` font-weight="${opts.weight}"` : "";
  return `<text${cls} x="${round(x)}" y="${round(y)}" direction="${rtl ? "rtl" : "ltr"}" text-anchor="${anchorFor(opts.side, rtl)}" font-size="${opts.size}"${weight} fill="${opts.fill ?? "currentColor"}">${spans}</text>`;
}

/** One series of a radar chart: one value in [0, 1] per axis (null: no score, drawn at 0). */
export interface RadarSeries {
  /** Name for the legend and the accessible description (plain text). */
  name: string;
  values: readonly (number | null)[];
  /** `area`: filled polygon with dots; `line`: outline only; `dashed`: dashed outline (e.g. targets). */
  style: "area" | "line" | "dashed";
  /** A CSS colour; defaults by style. */
  color?: string;
}

export interface RadarOptions {
  /** Language of the labels: sets each label's direction and mirrors the chart for right-to-left languages. */
  lang: string;
  /** Accessible title of the chart (plain text). */
  title: string;
  /** Optional second line under each axis label (e.g. the formatted score), plain text. */
  notes?: readonly string[];
  /** Label of the rings at 25 %, 50 %, 75 %, 100 % (e.g. `(f) => "50%"`); none when omitted. */
  ringLabel?: (fraction: number) => string;
}

/**
 * An SVG radar chart: one axis per label, clockwise from the top (counter-clockwise for a
 * right-to-left language, so the first axis still comes first in reading order), rings at quarters,
 * one polygon per series. Labels are wrapped and placed outside the rings so they never overlap the
 * chart. Class `radar`; each axis label has class `radar-label`. Pure and byte-stable.
 */
export function radarSvg(labels: readonly string[], series: readonly RadarSeries[], opts: RadarOptions): string {
  const W = 640;
  const H = 480;
  const cx = W / 2;
  const cy = H / 2;
  const R = 150;
  const n = Math.max(labels.length, 1);
  const mirror = isRtl(opts.lang) ? -1 : 1;
  const point = (i: number, r: number): [number, number] => {
    const a = (2 * Math.PI * i) / n;
    return [cx + mirror * Math.sin(a) * r, cy - Math.cos(a) * r];
  };
  const poly = (r: (i: number) => number) => Array.from({ length: n }, (_, i) => point(i, r(i)).map(round).join(",")).join(" ");

  const parts: string[] = [];
  parts.push(`<title>${escapeHtml(opts.title)}</title>`);
  parts.push(`<desc>${escapeHtml(series.map((s) => `${s.name}: ${labels.map((l, i) => `${l} ${s.values[i] === null || s.values[i] === undefined ? "—" : Math.round((s.values[i] ?? 0) * 100)}`).join(", ")}`).join("; "))}</desc>`);
  for (const f of [0.25, 0.5, 0.75, 1]) {
    parts.push(`<polygon points="${poly(() => R * f)}" fill="none" stroke="#c9d1db" stroke-width="${f === 1 ? 1.5 : 1}"/>`);
  }
  for (let i = 0; i < n; i++) {
    const [x, y] = point(i, R);
    parts.push(`<line x1="${cx}" y1="${cy}" x2="${round(x)}" y2="${round(y)}" stroke="#c9d1db" stroke-width="1"/>`);
  }
  if (opts.ringLabel) {
    for (const f of [0.5, 1]) parts.push(svgText([opts.ringLabel(f)], cx + 4 * mirror, cy - R * f + 13, { lang: "en", side: mirror === 1 ? "left-edge" : "right-edge", size: 11, fill: "#7a8594" }));
  }
  series.forEach((s, k) => {
    const color = s.color ?? (s.style === "area" ? "#1f6fb2" : s.style === "dashed" ? "#c2410c" : ["#7c3aed", "#0f766e", "#be185d"][k % 3]);
    const pts = poly((i) => R * Math.max(0, Math.min(1, s.values[i] ?? 0)));
    if (s.style === "area") {
      parts.push(`<polygon class="radar-series" points="${pts}" fill="${color}" fill-opacity="0.22" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`);
      for (let i = 0; i < n; i++) {
        const [x, y] = point(i, R * Math.max(0, Math.min(1, s.values[i] ?? 0)));
        parts.push(`<circle cx="${round(x)}" cy="${round(y)}" r="3.5" fill="${color}"/>`);
      }
    } else {
      const dash = s.style === "dashed" ? ` stroke-dasharray="6 4"` : "";
      parts.push(`<polygon class="radar-series" points="${pts}" fill="none" stroke="${color}" stroke-width="2"${dash} stroke-linejoin="round"/>`);
    }
  });
  labels.forEach((label, i) => {
    const a = (2 * Math.PI * i) / n;
    const sin = Math.sin(a) * mirror;
    const cos = Math.cos(a);
    const [x, y] = point(i, R + 14);
    const side: Side = Math.abs(sin) < 0.3 ? "middle" : sin > 0 ? "left-edge" : "right-edge";
    const lines = wrapLabel(label, side === "middle" ? 28 : 16);
    const note = opts.notes?.[i];
    const size = 14;
    const lh = 17;
    const total = lines.length + (note ? 1 : 0);
    // Above the chart: the block ends at y; below: it starts at y; at the sides: centred on y.
    const top = cos > 0.3 ? y - (total - 1) * lh - 4 : cos < -0.3 ? y + size : y - ((total - 1) * lh) / 2 + size / 3;
    parts.push(svgText(lines, x, top, { lang: opts.lang, side, size, cls: "radar-label", weight: 600, lineHeight: lh }));
    if (note) parts.push(svgText([note], x, top + lines.length * lh, { lang: opts.lang, side, size: 13, cls: "radar-note", fill: "#5b6675" }));
  });
  return `<svg class="radar chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" direction="${directionOf(opts.lang)}">${parts.join("")}</svg>`;
}

export interface BarOptions {
  /** Language: a right-to-left language grows the bar from the right. */
  lang: string;
  /** Accessible label (plain text). */
  label: string;
  /** Target marker, and the gap between value and target shaded. */
  target?: number | null;
  width?: number;
  height?: number;
  /** Fill colour of the value. */
  color?: string;
}

/**
 * A horizontal gap bar as inline SVG: the value filled, the gap up to the target shaded, the target
 * marked by a tick. Class `bar`. Values are clamped to [0, 1]; null draws an empty track.
 */
export function barSvg(value: number | null, opts: BarOptions): string {
  const w = opts.width ?? 220;
  const h = opts.height ?? 14;
  const rtl = isRtl(opts.lang);
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  // A span [from, to] of the track as an x range, mirrored for right-to-left.
  const span = (from: number, to: number): [number, number] => (rtl ? [round(w * (1 - to)), round(w * (to - from))] : [round(w * from), round(w * (to - from))]);
  const parts: string[] = [`<title>${escapeHtml(opts.label)}</title>`, `<rect x="0" y="0" width="${w}" height="${h}" rx="3" fill="#e8ecf1"/>`];
  const v = value === null ? null : clamp(value);
  const target = opts.target === null || opts.target === undefined ? null : clamp(opts.target);
  if (v !== null && target !== null && target > v) {
    const [x, width] = span(v, target);
    parts.push(`<rect class="bar-gap" x="${x}" y="0" width="${width}" height="${h}" fill="#fbd5b5"/>`);
  }
  if (v !== null && v > 0) {
    const [x, width] = span(0, v);
    parts.push(`<rect class="bar-value" x="${x}" y="0" width="${width}" height="${h}" rx="3" fill="${opts.color ?? "#1f6fb2"}"/>`);
  }
  if (target !== null) {
    const tx = round(rtl ? w * (1 - target) : w * target);
    parts.push(`<line class="bar-target" x1="${tx}" y1="-3" x2="${tx}" y2="${h + 3}" stroke="#c2410c" stroke-width="2"/>`);
  }
  return `<svg class="bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 -3 ${w} ${h + 6}" width="${w}" height="${h + 6}" role="img" aria-label="${escapeHtml(opts.label)}">${parts.join("")}</svg>`;
}
