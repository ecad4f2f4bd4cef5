const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A horizontal bar of `width` cells for a fraction in [0, 1], in block characters (eighths). */
export function bar(fraction: number | null, width: number): string {
  if (fraction === null || !Number.isFinite(fraction)) return " ".repeat(width);
  const clamped = Math.max(0, Math.min(1, fraction));
  const eighths = Math.round(clamped * width * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8] ?? "";
  const body = "█".repeat(full) + part;
  return body + " ".repeat(Math.max(0, width - full - (part ? 1 : 0)));
}
