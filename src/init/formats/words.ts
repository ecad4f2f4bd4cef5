import { t } from "../../i18n/index.js";
import type { QuestionItem, QuestionOption } from "../run.js";

/** A box's label: "3 Established" for a level, "Yes" / "No" for a yes/no question. */
export function optionLabel(lang: string, option: QuestionOption): string {
  if (option.value === "true") return t(lang, "init.q.yes");
  if (option.value === "false") return t(lang, "init.q.no");
  return `${option.value} ${option.label}`;
}

/** How a number scores, in words: "0% scores 0, 100% scores full", or the bands. */
export function scoringText(lang: string, item: QuestionItem): string {
  const s = item.scoring;
  if (s === undefined) return "";
  const unit = item.unit === undefined ? "" : item.unit === "%" ? "%" : ` ${item.unit}`;
  if (s.kind === "bands") return s.bands.map((b) => `≥ ${b.min}${unit} → ${Math.round(b.score * 100)}%`).join(" · ");
  const key = s.worst > s.best ? "assess.scaleLower" : "assess.scaleHigher";
  return t(lang, key, { worst: `${s.worst}${unit}`, best: `${s.best}${unit}` });
}
