import type { Criterion, Dimension } from "../core/rubric.js";
import { score } from "../core/score.js";
import { formatAnswer, terminalLine } from "../render/context.js";
import { askCriterion } from "./question.js";
import { say, sayCount, scoreText, textIn, type Session } from "./session.js";

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

function dimensionOf(session: Session, criterion: Criterion): Dimension {
  return session.rubric.dimensions.find((d) => d.id === criterion.dimension)!;
}

function counts(session: Session, dimension: Dimension): { answered: number; na: number; total: number } {
  let answered = 0;
  let na = 0;
  for (const c of dimension.criteria) {
    const kind = session.draft.answer(c.id).answer.kind;
    if (kind === "na") na++;
    if (kind !== "unanswered") answered++;
  }
  return { answered, na, total: dimension.criteria.length };
}

/** The heading shown on entering a dimension: its title, kind, description, threshold and gates. */
function showDimension(session: Session, dimension: Dimension): void {
  const title = textIn(session, dimension.title);
  const kind = say(session, `kind.${dimension.kind}`);
  // Arabic stage titles already say "مرحلة": do not repeat the kind after them.
  const lines = ["", `══ ${title.includes(kind) ? title : `${title} · ${kind}`} ══`];
  if (dimension.description !== undefined) lines.push(textIn(session, dimension.description));
  const facts: string[] = [];
  if (dimension.kind === "stage") facts.push(say(session, "assess.attainedAt", { score: scoreText(session, dimension.threshold ?? 0.6) }));
  for (const gate of dimension.requires) {
    const title = textIn(session, session.rubric.dimensions.find((d) => d.id === gate.dimension)?.title);
    facts.push(say(session, "assess.gate", { dimension: title, score: scoreText(session, gate.min) }));
  }
  if (facts.length > 0) lines.push(facts.join(" · "));
  session.port.say(lines.join("\n"));
}

/** The line shown at a dimension's end: its score so far against its target. */
export function dimensionSummary(session: Session, dimension: Dimension): string {
  const report = score(session.rubric, session.draft.assessment());
  const result = report.dimensions.find((d) => d.id === dimension.id)!;
  const n = counts(session, dimension);
  const na = n.na > 0 ? ` · ${say(session, "assess.naCount", { n: n.na })}` : "";
  return `${textIn(session, dimension.title)}: ${scoreText(session, result.score)} (${say(session, "target")} ${scoreText(session, result.target)}) · ${say(session, "assess.answeredOf", { n: n.answered, total: n.total })}${na}`;
}

/** Every answer, dimension by dimension, with the scores so far. */
function showReview(session: Session): void {
  const report = score(session.rubric, session.draft.assessment());
  const lines = ["", `══ ${say(session, "assess.reviewTitle")} ══`];
  for (const d of session.rubric.dimensions) {
    lines.push("", dimensionSummary(session, d));
    for (const c of d.criteria) {
      const a = session.draft.answer(c.id);
      const mark = a.answer.kind === "unanswered" ? "·" : "✓";
      const extras = [a.evidence.length > 0 ? sayCount(session, "assess.evidenceCount", a.evidence.length) : "", a.notes !== undefined ? say(session, "assess.note") : ""].filter(Boolean).join(", ");
      lines.push(`  ${mark} ${textIn(session, c.title)}: ${formatAnswer(session.rubric, c.id, a.answer, session.lang)}${extras ? `  [${extras}]` : ""}`);
    }
  }
  lines.push("", `${say(session, "index")}: ${scoreText(session, report.index)}${report.unanswered.length > 0 ? ` · ${sayCount(session, "unansweredNote", report.unanswered.length)}` : ""}`);
  session.port.say(lines.join("\n"));
}

/** Picks a dimension; returns the position of its first unanswered criterion (its first when all are answered), or `stay`. */
async function jumpToDimension(session: Session, stay: number): Promise<number> {
  const all = criteriaInOrder(session);
  const choices = session.rubric.dimensions.map((d) => {
    const n = counts(session, d);
    const first = all.findIndex((c) => c.dimension === d.id && !session.draft.isAnswered(c.id));
    return { name: `${textIn(session, d.title)}  (${say(session, "assess.answeredOf", { n: n.answered, total: n.total })})`, value: first >= 0 ? first : all.findIndex((c) => c.dimension === d.id) };
  });
  return session.port.list(say(session, "assess.whichDimension"), [{ name: say(session, "assess.stay"), value: stay }, ...choices], stay);
}

/** Picks any criterion to revise. */
async function goToCriterion(session: Session, stay: number): Promise<number> {
  const all = criteriaInOrder(session);
  const choices = all.map((c, i) => ({
    name: `${textIn(session, dimensionOf(session, c).title)} · ${textIn(session, c.title)}: ${formatAnswer(session.rubric, c.id, session.draft.answer(c.id).answer, session.lang)}`,
    value: i,
  }));
  return session.port.list(say(session, "assess.whichCriterion"), [{ name: say(session, "assess.stay"), value: stay }, ...choices], Math.min(stay, all.length - 1));
}

/** The review menu: finish, continue at the first unanswered, go to a criterion, jump to a dimension. */
async function review(session: Session, from: number): Promise<number | "finish"> {
  showReview(session);
  const next = firstUnanswered(session);
  const total = criteriaInOrder(session).length;
  const left = total - criteriaInOrder(session).filter((c) => session.draft.isAnswered(c.id)).length;
  type Pick = "finish" | "continue" | "criterion" | "dimension";
  const choices: { key: string; name: string; value: Pick }[] = [
    { key: "f", name: left > 0 ? sayCount(session, "assess.finishIncomplete", left) : say(session, "assess.finish"), value: "finish" },
  ];
  if (next < total) choices.push({ key: "c", name: say(session, "assess.continueAt", { title: textIn(session, criteriaInOrder(session)[next]!.title) }), value: "continue" });
  choices.push({ key: "g", name: say(session, "assess.goToCriterion"), value: "criterion" }, { key: "j", name: say(session, "assess.choice.jump"), value: "dimension" });
  const pick = await session.port.menu(say(session, "assess.reviewWhat"), choices);
  if (pick === "finish") return "finish";
  if (pick === "continue") return next;
  const stay = Math.min(from, total - 1);
  return pick === "criterion" ? goToCriterion(session, stay) : jumpToDimension(session, stay);
}

/**
 * Walks the rubric from `start`, dimension by dimension, until the consultant finishes at the
 * review. Back, skip, jump and review move the position; every answer is saved as it is given.
 */
export async function runQuestions(session: Session, start: number): Promise<void> {
  const all = criteriaInOrder(session);
  let position = start;
  let shownDimension: string | undefined;
  for (;;) {
    if (position >= all.length) {
      const next = await review(session, all.length - 1);
      if (next === "finish") return;
      position = next;
      shownDimension = undefined;
      continue;
    }
    const criterion = all[position]!;
    if (criterion.dimension !== shownDimension) {
      showDimension(session, dimensionOf(session, criterion));
      shownDimension = criterion.dimension;
    }
    const move = await askCriterion(session, criterion, position, all.length);
    if (move === "next") {
      const following = all[position + 1];
      if (following === undefined || following.dimension !== criterion.dimension) session.port.say(`\n${dimensionSummary(session, dimensionOf(session, criterion))}`);
      position += 1;
    } else if (move === "back") position = Math.max(0, position - 1);
    else if (move === "jump") position = await jumpToDimension(session, position);
    else {
      const next = await review(session, position);
      if (next === "finish") return;
      position = next;
      shownDimension = undefined;
    }
  }
}

/** The closing line: where the file is and how to report on it again. */
export function savedLine(session: Session): string {
  return say(session, "assess.savedAt", { file: terminalLine(session.draft.file) });
}
