import type { Criterion, Dimension } from "../core/rubric.js";
import { stageThreshold } from "../core/formulas.js";
import { plural } from "../i18n/index.js";
import { terminalLine } from "../render/context.js";
import { commandOf, keyLabel } from "./keys.js";
import { secondsSpent, timeProgress } from "./progress.js";
import { askCriterion } from "./question.js";
import { askSummary } from "./summary.js";
import { counts, dimensionSummary, review, type ReviewState } from "./review.js";
import { say, scoreText, textIn, type Session } from "./session.js";

export { dimensionSummary } from "./review.js";

/** The rubric's criteria in the order they are asked: dimension by dimension. */
export function criteriaInOrder(session: Pick<Session, "rubric">): Criterion[] {
  return session.rubric.dimensions.flatMap((d) => [...d.criteria]);
}

/** The position of the first unanswered criterion (N/A counts as answered); the count when all are answered. */
export function firstUnanswered(session: Pick<Session, "rubric" | "draft">): number {
  const all = criteriaInOrder(session);
  const i = all.findIndex((c) => !session.draft.isAnswered(c.id));
  return i < 0 ? all.length : i;
}

/**
 * Where a resumed file continues: the criterion on screen when the session stopped (the file's
 * `session:` block), else the first unanswered one; the review when every criterion is answered.
 */
export function resumePosition(session: Pick<Session, "rubric" | "draft">): number {
  const all = criteriaInOrder(session);
  if (all.every((c) => session.draft.isAnswered(c.id))) return all.length;
  const at = session.draft.sessionState().at;
  const i = at === undefined ? -1 : all.findIndex((c) => c.id === at);
  return i >= 0 ? i : firstUnanswered(session);
}

function dimensionOf(session: Session, criterion: Criterion): Dimension {
  return session.rubric.dimensions.find((d) => d.id === criterion.dimension)!;
}

/** The heading shown on entering a dimension: its title, kind, description, threshold and gates. */
function showDimension(session: Session, dimension: Dimension): void {
  const title = textIn(session, dimension.title);
  const kind = say(session, `kind.${dimension.kind}`);
  // Arabic stage titles already say "مرحلة": do not repeat the kind after them.
  const lines = ["", `══ ${title.includes(kind) ? title : `${title} · ${kind}`} ══`];
  if (dimension.description !== undefined) lines.push(textIn(session, dimension.description));
  const facts: string[] = [];
  if (dimension.kind === "stage") facts.push(say(session, "assess.attainedAt", { score: scoreText(session, stageThreshold(dimension)) }));
  for (const gate of dimension.requires) {
    const title = textIn(session, "criterion" in gate ? session.rubric.criteria.get(gate.criterion)?.title : session.rubric.dimensions.find((d) => d.id === gate.dimension)?.title);
    facts.push(say(session, "assess.gate", { dimension: title, score: scoreText(session, gate.min) }));
  }
  if (facts.length > 0) lines.push(facts.join(" · "));
  session.port.say(lines.join("\n"));
}

/** The progress line: "Execution · 12 / 58 · 21% · 9 min spent · about 31 min left". */
function progressLine(session: Session, criterion: Criterion, position: number, total: number): string {
  const all = criteriaInOrder(session);
  const answered = all.filter((c) => session.draft.isAnswered(c.id)).length;
  const percent = Math.round(((position + 1) / total) * 100);
  return `${textIn(session, dimensionOf(session, criterion).title)} · ${position + 1} / ${total} · ${percent}% · ${timeProgress(session, answered, total - answered)}`;
}

/** Picks a dimension; returns the position of its first unanswered criterion (its first when all are answered), or `stay`. */
async function jumpToDimension(session: Session, stay: number): Promise<number> {
  const all = criteriaInOrder(session);
  const choices = session.rubric.dimensions.map((d) => {
    const n = counts(session, d);
    const first = all.findIndex((c) => c.dimension === d.id && !session.draft.isAnswered(c.id));
    return { name: `${textIn(session, d.title)}  (${plural(session.lang, "assess.count.skipped", n.skipped)})`, value: first >= 0 ? first : all.findIndex((c) => c.dimension === d.id) };
  });
  return session.port.list(say(session, "assess.whichDimension"), [{ name: say(session, "assess.stay"), value: stay }, ...choices], stay);
}

/** At the end of the walk: offers the skipped criteria once; true to answer them now. */
async function offerSkipped(session: Session, skipped: number): Promise<boolean> {
  const review = keyLabel("review", session.lang);
  session.port.say(`\n${plural(session.lang, "assess.skippedLeft", skipped)}`);
  const typed = await session.port.text(say(session, "assess.skippedWhat", { review }), {
    validate: (text) => (text.trim() === "" || commandOf(text, ["yes", "review"]) !== undefined ? true : say(session, "assess.skippedRefused", { review })),
  });
  return commandOf(typed, ["review"]) === undefined;
}

/**
 * Walks the rubric from `start`, dimension by dimension, until the consultant finishes at the
 * review; at the end of the walk it offers the skipped criteria once. A criterion revised from the
 * review returns to the review. Every answer is saved as it is given, and the file's `session:`
 * block records the question on screen and the time spent.
 */
export async function runQuestions(session: Session, start: number): Promise<void> {
  const all = criteriaInOrder(session);
  const unanswered = () => all.flatMap((c, i) => (session.draft.isAnswered(c.id) ? [] : [i]));
  const reviewState: ReviewState = { page: 0 };
  let position = start;
  let mode: "walk" | "skipped" | "revise" = "walk";
  let queue: number[] = [];
  let offered = start >= all.length;
  let shownDimension: string | undefined;
  for (;;) {
    if (mode === "walk" && position >= all.length && !offered) {
      offered = true;
      const skipped = unanswered();
      if (skipped.length > 0 && (await offerSkipped(session, skipped.length))) {
        mode = "skipped";
        queue = skipped;
        position = queue.shift()!;
      }
    }
    if (position >= all.length) {
      const outcome = await review(session, reviewState);
      shownDimension = undefined;
      if (outcome.kind === "finish") {
        await askSummary(session);
        session.draft.setSessionState({ spent: secondsSpent(session) });
        return;
      }
      mode = outcome.kind === "revise" ? "revise" : "walk";
      position = outcome.kind === "jump" ? await jumpToDimension(session, Math.max(0, firstUnanswered(session) % all.length)) : outcome.position;
      continue;
    }
    const criterion = all[position]!;
    if (criterion.dimension !== shownDimension) {
      showDimension(session, dimensionOf(session, criterion));
      shownDimension = criterion.dimension;
    }
    session.draft.setSessionState({ at: criterion.id, spent: secondsSpent(session) });
    const move = await askCriterion(session, criterion, progressLine(session, criterion, position, all.length));
    if (move === "review") {
      // The consultant asked for the review: the skipped ones are listed there, not offered again.
      offered = true;
      position = all.length;
    }
    else if (move === "back") {
      mode = "walk";
      position = Math.max(0, position - 1);
    } else if (move === "jump") {
      mode = "walk";
      position = await jumpToDimension(session, position);
    } else if (mode === "revise") position = all.length;
    else if (mode === "skipped") position = queue.shift() ?? all.length;
    else {
      const following = all[position + 1];
      if (following === undefined || following.dimension !== criterion.dimension) session.port.say(`\n${dimensionSummary(session, dimensionOf(session, criterion))}`);
      position += 1;
    }
  }
}

/** The closing line: where the file is and how to report on it again. */
export function savedLine(session: Session): string {
  return say(session, "assess.savedAt", { file: terminalLine(session.draft.file) });
}
