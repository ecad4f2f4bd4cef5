import type { Answer, AnswerValue } from "../core/assessment.js";
import type { Criterion } from "../core/rubric.js";
import { formatAnswer, terminalLine } from "../render/context.js";
import type { MenuChoice } from "./port.js";
import { asciiDigits, isIsoDate, say, sayCount, textIn, type Session } from "./session.js";

/** Where the flow goes after a question. */
export type Move = "next" | "back" | "jump" | "review";

/** What the consultant chose at a question's menu. */
type Choice = { kind: "answer"; value: AnswerValue } | { kind: "na" } | { kind: "move"; move: Move | "skip" };

/** The keys of the commands every question offers, the same in every language. */
export const KEYS = { na: "a", skip: "s", back: "b", jump: "j", review: "r", yes: "y", no: "n" } as const;

/** The question's heading: progress, criterion, question, what to ask for, the current answer. */
function showQuestion(session: Session, criterion: Criterion, position: number, total: number): void {
  const { port, rubric } = session;
  const dimension = rubric.dimensions.find((d) => d.id === criterion.dimension);
  const percent = Math.round(((position + 1) / total) * 100);
  const lines = ["", `${textIn(session, dimension?.title)} · ${position + 1} / ${total} · ${percent}%`];
  const weight = criterion.weight !== 1 ? ` · ${say(session, "assess.weight")} ${criterion.weight}` : "";
  lines.push(`${textIn(session, criterion.title)}  (${terminalLine(criterion.id)}${weight})`);
  if (criterion.question !== undefined) lines.push(textIn(session, criterion.question));
  if (criterion.type === "number") {
    const unit = criterion.unit === undefined ? "" : criterion.unit === "%" ? "%" : ` ${terminalLine(criterion.unit)}`;
    const scoring =
      criterion.bands !== undefined
        ? criterion.bands.map((b) => `≥ ${b.min}${unit} → ${session.rubric.display === "fraction" ? b.score : `${Math.round(b.score * 100)}%`}`).join(" · ")
        : criterion.direction === "lower"
          ? say(session, "assess.scaleLower", { best: `${criterion.min ?? 0}${unit}`, worst: `${criterion.max ?? 1}${unit}` })
          : say(session, "assess.scaleHigher", { worst: `${criterion.min ?? 0}${unit}`, best: `${criterion.max ?? 1}${unit}` });
    lines.push(`${say(session, "assess.scoring")}: ${scoring}`);
  }
  if (criterion.evidence !== undefined) lines.push(`${say(session, "assess.askFor")}: ${textIn(session, criterion.evidence)}`);
  const current = session.draft.answer(criterion.id);
  if (current.answer.kind !== "unanswered") {
    const reason = current.answer.kind === "na" ? ` — ${terminalLine(current.answer.reason)}` : "";
    lines.push(`${say(session, "assess.current")}: ${formatAnswer(rubric, criterion.id, current.answer, session.lang)}${reason}`);
  }
  current.evidence.forEach((e) => lines.push(`  · ${terminalLine([e.url, e.note, e.date].filter(Boolean).join(" · "))}`));
  if (current.notes !== undefined) lines.push(`  ${say(session, "assess.note")}: ${terminalLine(current.notes)}`);
  port.say(lines.join("\n"));
}

function commandChoices(session: Session, answered: boolean): MenuChoice<Choice>[] {
  return [
    { key: KEYS.na, name: say(session, "assess.choice.na"), value: { kind: "na" } },
    { key: KEYS.skip, name: say(session, answered ? "assess.choice.keep" : "assess.choice.skip"), value: { kind: "move", move: "skip" } },
    { key: KEYS.back, name: say(session, "assess.choice.back"), value: { kind: "move", move: "back" } },
    { key: KEYS.jump, name: say(session, "assess.choice.jump"), value: { kind: "move", move: "jump" } },
    { key: KEYS.review, name: say(session, "assess.choice.review"), value: { kind: "move", move: "review" } },
  ];
}

/** The answer menu of a level or yes/no criterion: every level with its descriptor, then the commands. */
async function chooseFromMenu(session: Session, criterion: Criterion, answered: boolean): Promise<Choice> {
  const options: MenuChoice<Choice>[] =
    criterion.type === "level"
      ? session.rubric.scale.map((step) => {
          const descriptor = textIn(session, criterion.levels?.[String(step.value)]);
          return { key: String(step.value), name: `${textIn(session, step.label)}${descriptor ? ` — ${descriptor}` : ""}`, value: { kind: "answer", value: { kind: "level", level: step.value } } };
        })
      : [
          { key: KEYS.yes, name: say(session, "yes"), value: { kind: "answer", value: { kind: "boolean", value: true } } },
          { key: KEYS.no, name: say(session, "no"), value: { kind: "answer", value: { kind: "boolean", value: false } } },
        ];
  return session.port.menu(say(session, criterion.type === "level" ? "assess.pickLevel" : "assess.pickYesNo"), [...options, ...commandChoices(session, answered)]);
}

/** A number criterion: the value typed, or one of the commands' keys; an empty line skips. */
async function chooseNumber(session: Session, criterion: Criterion, answered: boolean): Promise<Choice> {
  const current = session.draft.answer(criterion.id).answer;
  const keys: Record<string, Choice> = Object.fromEntries(commandChoices(session, answered).map((c) => [c.key, c.value]));
  session.port.say(say(session, "assess.numberKeys", { skip: say(session, answered ? "assess.keepWord" : "assess.skipWord") }));
  const unit = criterion.unit !== undefined ? ` (${terminalLine(criterion.unit)})` : "";
  const typed = await session.port.text(`${say(session, "assess.value")}${unit}`, {
    ...(current.kind === "number" ? { default: String(current.value) } : {}),
    validate: (text) => {
      const s = asciiDigits(text.trim()).toLowerCase();
      if (s === "" || s in keys || parseNumber(s) !== undefined) return true;
      return say(session, "assess.notANumber");
    },
  });
  const s = asciiDigits(typed.trim()).toLowerCase();
  if (s === "") return { kind: "move", move: "skip" };
  const command = keys[s];
  if (command !== undefined) return command;
  return { kind: "answer", value: { kind: "number", value: parseNumber(s)! } };
}

function parseNumber(s: string): number | undefined {
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Asks one criterion: its answer (a level, yes/no or a number by type), N/A with a reason that may
 * not be empty, or skip; then evidence and a note. Every change is saved at once. Returns where
 * the flow goes next.
 */
export async function askCriterion(session: Session, criterion: Criterion, position: number, total: number): Promise<Move> {
  const { port, draft } = session;
  showQuestion(session, criterion, position, total);
  const current = draft.answer(criterion.id);
  const answered = current.answer.kind !== "unanswered";
  const choice = criterion.type === "number" ? await chooseNumber(session, criterion, answered) : await chooseFromMenu(session, criterion, answered);
  if (choice.kind === "move") return choice.move === "skip" ? "next" : choice.move;

  let value: AnswerValue;
  if (choice.kind === "na") {
    const reason = await port.text(say(session, "assess.naReason"), {
      ...(current.answer.kind === "na" ? { default: current.answer.reason } : {}),
      validate: (text) => (text.trim() === "" ? say(session, "assess.naReasonRequired") : true),
    });
    value = { kind: "na", reason: reason.trim() };
  } else value = choice.value;

  const answer: Answer = { answer: value, evidence: [...current.evidence], ...(current.notes !== undefined ? { notes: current.notes } : {}) };
  draft.setAnswer(criterion.id, answer);
  await askEvidence(session, criterion.id, answer);
  await askNote(session, criterion.id, answer);
  return "next";
}

/** Evidence, one piece at a time until an empty line: a URL or a note, then its date. `-` removes what is recorded. */
async function askEvidence(session: Session, id: string, answer: Answer): Promise<void> {
  for (;;) {
    const prompt = answer.evidence.length > 0 ? sayCount(session, "assess.evidenceMore", answer.evidence.length) : say(session, "assess.evidence");
    const text = (await session.port.text(prompt)).trim();
    if (text === "") return;
    if (text === "-") {
      answer.evidence = [];
      session.draft.setAnswer(id, answer);
      continue;
    }
    const date = await session.port.text(say(session, "assess.evidenceDate"), {
      default: session.today,
      validate: (d) => (isIsoDate(asciiDigits(d.trim())) ? true : say(session, "assess.badDate")),
    });
    const isUrl = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text);
    answer.evidence.push({ ...(isUrl ? { url: text } : { note: text }), date: asciiDigits(date.trim()) });
    session.draft.setAnswer(id, answer);
  }
}

/** A free note; Enter keeps the current one, `-` removes it. */
async function askNote(session: Session, id: string, answer: Answer): Promise<void> {
  const text = (await session.port.text(say(session, answer.notes !== undefined ? "assess.noteKeep" : "assess.notePrompt"), answer.notes !== undefined ? { default: answer.notes } : {})).trim();
  const notes = text === "" || text === "-" ? undefined : text;
  if (notes === answer.notes) return;
  if (notes === undefined) delete answer.notes;
  else answer.notes = notes;
  session.draft.setAnswer(id, answer);
}
