import type { Dimension } from "../core/rubric.js";
import { score } from "../core/score.js";
import { plural } from "../i18n/index.js";
import { formatAnswer, terminalLine } from "../render/context.js";
import { wrapLine } from "../render/wrap.js";
import { asciiDigits, commandOf, keyLabel, type Command } from "./keys.js";
import { say, sayCount, scoreText, textIn, type Session } from "./session.js";

/** Where the review sends the consultant. */
export type ReviewOutcome = { kind: "finish" } | { kind: "continue"; position: number } | { kind: "revise"; position: number } | { kind: "jump" };

/** Answered, N/A and skipped criteria of a dimension, counted separately. */
export function counts(session: Pick<Session, "draft">, dimension: Dimension): { answered: number; na: number; skipped: number; total: number } {
  let answered = 0;
  let na = 0;
  let skipped = 0;
  for (const c of dimension.criteria) {
    const kind = session.draft.answer(c.id).answer.kind;
    if (kind === "na") na++;
    else if (kind === "unanswered") skipped++;
    else answered++;
  }
  return { answered, na, skipped, total: dimension.criteria.length };
}

/** "5 answered · 1 N/A · 1 skipped", each count in its language's plural form. */
export function countsText(session: Pick<Session, "draft" | "lang">, dimension: Dimension): string {
  const n = counts(session, dimension);
  return [plural(session.lang, "assess.count.answered", n.answered), plural(session.lang, "assess.count.na", n.na), plural(session.lang, "assess.count.skipped", n.skipped)].join(" · ");
}

/** The line shown at a dimension's end (and in the review): its score so far against its target, and the counts. */
export function dimensionSummary(session: Session, dimension: Dimension): string {
  const report = score(session.rubric, session.draft.assessment());
  const result = report.dimensions.find((d) => d.id === dimension.id)!;
  return `${textIn(session, dimension.title)}: ${scoreText(session, result.score)} (${say(session, "target")} ${scoreText(session, result.target)}) · ${countsText(session, dimension)}`;
}

/** Every answer, numbered in the order of the questions, dimension by dimension, with the scores so far. */
function reviewLines(session: Session): string[] {
  const report = score(session.rubric, session.draft.assessment());
  const lines: string[] = [];
  let number = 0;
  for (const d of session.rubric.dimensions) {
    lines.push(`── ${dimensionSummary(session, d)}`);
    for (const c of d.criteria) {
      number++;
      const a = session.draft.answer(c.id);
      const mark = a.answer.kind === "unanswered" ? "·" : "✓";
      const extras = [a.evidence.length > 0 ? sayCount(session, "assess.evidenceCount", a.evidence.length) : "", a.notes !== undefined ? say(session, "assess.note") : ""].filter(Boolean).join(session.lang === "ar" ? "، " : ", ");
      lines.push(`${String(number).padStart(3)} ${mark} ${textIn(session, c.title)} (${terminalLine(c.id)}): ${formatAnswer(session.rubric, c.id, a.answer, session.lang)}${extras ? `  [${extras}]` : ""}`);
    }
  }
  lines.push(`${say(session, "index")}: ${scoreText(session, report.index)}${report.unanswered.length > 0 ? ` · ${sayCount(session, "unansweredNote", report.unanswered.length)}` : ""}`);
  return lines;
}

/** The rows a line takes on a terminal of `columns` columns, wrapped at spaces. */
function heightOf(line: string, columns: number): number {
  return wrapLine(line, Math.max(20, columns - 1)).length;
}

/**
 * Splits lines into pages of at most `budget` terminal rows (long lines wrapped), so that a page, its
 * title, the menu, the prompt and a refusal fit on the screen. Returns [from, to) index pairs.
 */
function paginate(lines: readonly string[], budget: number, columns: number): [number, number][] {
  const room = Math.max(4, budget);
  const pages: [number, number][] = [];
  for (let from = 0; from < lines.length; ) {
    let to = from;
    let used = 0;
    while (to < lines.length && (to === from || used + heightOf(lines[to]!, columns) <= room)) used += heightOf(lines[to++]!, columns);
    pages.push([from, to]);
    from = to;
  }
  return pages.length > 0 ? pages : [[0, 0]];
}

/** The review's position between visits: the page shown last, so revising returns to it. */
export interface ReviewState {
  page: number;
}

/**
 * The review: a screenful of answers at a time; Enter pages on (`p` back), a criterion's number or
 * id revises it, `c` continues at the first unanswered, `j` jumps to a dimension, `f` finishes.
 */
export async function review(session: Session, state: ReviewState): Promise<ReviewOutcome> {
  const all = session.rubric.dimensions.flatMap((d) => [...d.criteria]);
  const ids = new Map(all.map((c, i) => [c.id, i]));
  const lines = reviewLines(session);
  const unanswered = all.filter((c) => !session.draft.isAnswered(c.id)).length;
  const firstOpen = all.findIndex((c) => !session.draft.isAnswered(c.id));
  const k = (c: Command) => keyLabel(c, session.lang);
  const menuOf = (paged: boolean) =>
    [
      ...(paged ? [say(session, "assess.reviewPaging", { previous: k("previous") })] : []),
      say(session, "assess.reviewRevise", { last: all.length }),
      ...(firstOpen >= 0 ? [`${k("cont")} ${say(session, "assess.continueAt", { title: textIn(session, all[firstOpen]!.title) })}`] : []),
      `${k("jump")} ${say(session, "assess.choice.jump")}`,
      `${k("finish")} ${unanswered > 0 ? plural(session.lang, "assess.finishOpen", unanswered) : say(session, "assess.finish")}`,
    ].join(" · ");
  const pages = paginate(lines, session.port.rows - heightOf(menuOf(true), session.port.columns) - 4, session.port.columns);
  const paged = pages.length > 1;
  const menu = menuOf(paged);
  const commands: Command[] = paged ? ["previous", "finish", "jump"] : ["finish", "jump"];
  if (firstOpen >= 0) commands.push("cont");
  state.page = Math.min(state.page, pages.length - 1);
  for (;;) {
    const [from, to] = pages[state.page]!;
    const title = `══ ${say(session, "assess.reviewTitle")}${pages.length > 1 ? ` · ${say(session, "assess.page", { page: state.page + 1, pages: pages.length })}` : ""} ══`;
    session.port.say(["", title, ...lines.slice(from, to), menu].join("\n"));
    const pick = (text: string): ReviewOutcome | Command | "next" | undefined => {
      const s = asciiDigits(text.trim());
      if (s === "") return "next";
      if (/^\d+$/.test(s)) return Number(s) >= 1 && Number(s) <= all.length ? { kind: "revise", position: Number(s) - 1 } : undefined;
      // "2.3": the questionnaire's number (dimension 2, its third criterion).
      const dotted = /^(\d+)\.(\d+)$/.exec(s);
      if (dotted) {
        const id = session.rubric.dimensions[Number(dotted[1]) - 1]?.criteria[Number(dotted[2]) - 1]?.id;
        return id !== undefined ? { kind: "revise", position: ids.get(id)! } : undefined;
      }
      const at = ids.get(text.trim());
      if (at !== undefined) return { kind: "revise", position: at };
      return commandOf(s, commands);
    };
    const typed = await session.port.text(say(session, "assess.reviewWhat"), {
      validate: (text) => (pick(text) !== undefined ? true : say(session, "assess.reviewRefused", { typed: text.trim(), last: all.length, keys: commands.map(k).join(" ") })),
    });
    const chosen = pick(typed)!;
    if (chosen === "next") state.page = (state.page + 1) % pages.length;
    else if (chosen === "previous") state.page = (state.page + pages.length - 1) % pages.length;
    else if (chosen === "finish") return { kind: "finish" };
    else if (chosen === "cont") return { kind: "continue", position: firstOpen };
    else if (chosen === "jump") return { kind: "jump" };
    else if (typeof chosen === "object") return chosen;
  }
}
