import type { RenderContext } from "./context.js";
import { escapeHtml } from "./escape.js";

/** Languages written right to left (the page gets `dir="rtl"`). */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"]);

/** True when `lang` (a code such as `ar` or `ar-SA`) is written right to left. */
export function isRtl(lang: string): boolean {
  return RTL_LANGUAGES.has(lang.toLowerCase().split("-")[0] ?? "");
}

/** `rtl` or `ltr` for a language. */
export function directionOf(lang: string): "rtl" | "ltr" {
  return isRtl(lang) ? "rtl" : "ltr";
}

/** A language code safe to put in a `lang` attribute (anything else becomes `und`). */
export function htmlLang(lang: string): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : "und";
}

/**
 * System fonts only (no network): Latin first for English pages; for Arabic, fonts with good Arabic
 * glyphs on Windows, macOS, Android and Linux before the generic fallback.
 */
const LATIN_FONTS = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif`;
const ARABIC_FONTS = `"Segoe UI", Tahoma, "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Arabic Typesetting", "Traditional Arabic", "DejaVu Sans", Arial, sans-serif`;

/** The font stack of a page in `lang`. */
export function fontStack(lang: string): string {
  return isRtl(lang) ? ARABIC_FONTS : LATIN_FONTS;
}

/**
 * The shared stylesheet of every HTML output: cards, tables, bars, SVG charts, RTL, and a print
 * stylesheet for A4 (no shadows, no page break inside a card or table row, colours kept).
 */
export function baseCss(lang: string): string {
  return `:root{--ink:#1b2430;--muted:#5b6675;--line:#d6dce4;--bg:#f4f6f9;--card:#fff;--accent:#1f6fb2;--target:#c2410c;--ok:#15803d;--warn:#b45309;--bad:#b91c1c;--fill:#dbeafe}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font-family:${fontStack(lang)};font-size:15px;line-height:1.5}
main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6rem;margin:0 0 4px;line-height:1.25}
h2{font-size:1.15rem;margin:0 0 12px;line-height:1.3}
h3{font-size:1rem;margin:0 0 6px}
p{margin:0 0 8px}
a{color:var(--accent);overflow-wrap:anywhere}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.muted{color:var(--muted)}
.small{font-size:.85rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:18px;margin:0 0 18px}
.grid>.card{margin:0}
.kpis{display:flex;flex-wrap:wrap;gap:12px 28px;margin:14px 0 0}
.kpi{min-width:120px}
.kpi .label{display:block;font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.kpi .value{display:block;font-size:1.45rem;font-weight:700}
[dir=rtl] .kpi .label{text-transform:none;letter-spacing:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:7px 8px;border-bottom:1px solid var(--line)}
th{font-size:.8rem;color:var(--muted);font-weight:600}
td.num,th.num{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}
bdi,.ltr{direction:ltr;unicode-bidi:isolate}
code,.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.8em;color:var(--muted);direction:ltr;unicode-bidi:isolate;overflow-wrap:anywhere}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.8rem;border:1px solid currentColor;white-space:nowrap}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}
svg{max-width:100%;height:auto}
svg text{font-family:inherit}
.chart{display:block;margin:0 auto}
ol.steps,ul.plain{margin:0;padding-inline-start:1.4em}
ol.steps>li,ul.plain>li{margin:0 0 12px}
.rec{margin:4px 0 0}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:.85rem;color:var(--muted);margin:8px 0 0;justify-content:center}
.swatch{display:inline-block;width:14px;height:10px;border-radius:2px;margin-inline-end:6px;vertical-align:middle}
footer{color:var(--muted);font-size:.8rem;margin-top:24px}
@media (max-width:640px){main{padding:12px}.card{padding:14px}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{background:#fff;font-size:10.5pt}
main{max-width:none;padding:0}
.card{box-shadow:none;border-color:#bbb;break-inside:avoid;page-break-inside:avoid}
.grid{grid-template-columns:1fr 1fr}
tr,li{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid;page-break-after:avoid}
a{color:var(--ink);text-decoration:underline}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;
}

/**
 * A complete, self-contained HTML page: no script, no external resource (fonts, images and styles
 * are inline or system ones). `title` is plain text (escaped here); `body` is HTML the caller built
 * with escaped texts; `css` is appended to the shared stylesheet. Direction and language from `ctx.lang`.
 */
export function htmlPage(title: string, body: string, ctx: Pick<RenderContext, "lang" | "toolVersion">, css = ""): string {
  const lang = ctx.lang;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(htmlLang(lang))}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="egov-maturity ${escapeHtml(ctx.toolVersion)}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
${baseCss(lang)}${css ? `\n${css}` : ""}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
