import type { Answer, AnswerValue } from "../core/assessment.js";
import type { Criterion } from "../core/rubric.js";
import { linearSpan } from "../core/formulas.js";
import { formatAnswer, terminalLine } from "../render/context.js";
import { keysText, levelValues, parseEntry, QUESTION_COMMANDS, type Entry } from "./entry.js";
import { editEvidence, evidenceItem } from "./evidence.js";
import { keyLabel, ARABIC_NO, ARABIC_YES } from "./keys.js";
import { say, textIn, type Session } from "./session.js";

/** Where the flow goes after a question. */
export type Move = "next" | "back" | "jump" | "review";

function scoringLine(session: Session, criterion: Criterion): string {
  const unit = criterion.unit === undefined ? "" : criterion.unit === "%" ? "%" : ` ${terminalLine(criterion.unit)}`;
  const scoring =
    criterion.bands !== undefined
      ? criterion.bands.map((b) => `≥ ${b.min}${unit} → ${session.rubric.display === "fraction" ? b.score : `${Math.round(b.score * 100)}%`}`).join(" · ")
      : criterion.direction === "lower"
        ? say(session, "assess.scaleLower", { best: `${linearSpan(criterion).min}${unit}`, worst: `${linearSpan(criterion).max}${unit}` })
        : say(session, "assess.scaleHigher", { worst: `${linearSpan(criterion).min}${unit}`, best: `${linearSpan(criterion).max}${unit}` });
  return `${say(session, "assess.scoring")}: ${scoring}`;
}

/** The question's screen: progress, criterion, question, the answers it takes, what to ask for, the current answer, the keys. */
function showQuestion(session: Session, criterion: Criterion, heading: string): void {
  const { rubric } = session;
  const lines = ["", heading];
  const weight = criterion.weight !== 1 ? ` · ${say(session, "assess.weight")} ${criterion.weight}` : "";
  lines.push(`${textIn(session, criterion.title)}  (${terminalLine(criterion.id)}${weight})`);
  if (criterion.question !== undefined) lines.push(textIn(session, criterion.question));
  if (criterion.type === "level") {
    for (const step of rubric.scale) {
      const descriptor = textIn(session, criterion.levels?.[String(step.value)]);
      lines.push(`  ${step.value}  ${textIn(session, step.label)}${descriptor ? ` — ${descriptor}` : ""}`);
    }
  } else if (criterion.type === "boolean") {
    const ar = session.lang === "ar";
    lines.push(`  ${keyLabel("yes", session.lang)}${ar ? `/${ARABIC_YES[0]}` : ""}  ${say(session, "yes")}`, `  ${keyLabel("no", session.lang)}${ar ? `/${ARABIC_NO[0]}` : ""}  ${say(session, "no")}`);
  } else lines.push(scoringLine(session, criterion));
  if (criterion.evidence !== undefined) lines.push(`${say(session, "assess.askFor")}: ${textIn(session, criterion.evidence)}`);
  const current = session.draft.answer(criterion.id);
  if (current.answer.kind !== "unanswered") {
    const reason = current.answer.kind === "na" ? ` — ${terminalLine(current.answer.reason)}` : "";
    lines.push(`${say(session, "assess.current")}: ${formatAnswer(rubric, criterion.id, current.answer, session.lang)}${reason}`);
  }
  current.evidence.forEach((e) => lines.push(`  · ${terminalLine([e.url, e.note, e.date].filter(Boolean).join(" · "))}`));
  if (current.notes !== undefined) lines.push(`  ${say(session, "assess.note")}: ${terminalLine(current.notes)}`);
  lines.push(keysLine(session, current.answer.kind !== "unanswered"));
  session.port.say(lines.join("\n"));
}

/** The commands under every question: `a N/A · s skip · b back · j jump · r review · e evidence · ? help`. */
function keysLine(session: Session, answered: boolean): string {
  const k = (c: Parameters<typeof keyLabel>[0]) => keyLabel(c, session.lang);
  return [
    `${k("na")} ${say(session, "assess.key.na")}`,
    `${k("skip")}/⏎ ${say(session, answered ? "assess.keepWord" : "assess.skipWord")}`,
    `${k("back")} ${say(session, "assess.key.back")}`,
    `${k("jump")} ${say(session, "assess.key.jump")}`,
    `${k("review")} ${say(session, "assess.key.review")}`,
    ...(answered ? [`${k("evidence")} ${say(session, "assess.key.evidence")}`] : []),
    `${k("help")} ${say(session, "assess.key.help")}`,
  ].join(" · ");
}

/** The prompt of a question: what it takes ("Level 0–4", "Answer y/n", "Value (%)"). */
function promptOf(session: Session, criterion: Criterion): string {
  if (criterion.type === "level") return say(session, "assess.levelPrompt", { values: levelValues(session.rubric, session.lang, true) });
  if (criterion.type === "boolean") return say(session, "assess.yesNoPrompt");
  return `${say(session, "assess.value")}${criterion.unit !== undefined ? ` (${terminalLine(criterion.unit)})` : ""}`;
}

/** One line at a question, validated as it is typed: refused lines never reach the file. */
async function readEntry(session: Session, criterion: Criterion, answered: boolean): Promise<Entry> {
  const check = (line: string): true | string => {
    const entry = parseEntry(line, criterion, session.rubric, session.lang);
    if (entry.kind === "refused") return entry.message;
    if (entry.kind === "command" && entry.command === "evidence" && !answered) return say(session, "assess.answerFirst");
    return true;
  };
  const line = await session.port.text(promptOf(session, criterion), { validate: check });
  return parseEntry(line, criterion, session.rubric, session.lang);
}

/**
 * Asks one criterion on one line: the answer (a level, yes/no or a number by type), optionally
 * followed by evidence and `; a note`; `a REASON` for N/A; a command key; `?` for help. Every change
 * is saved at once. Returns where the flow goes next.
 */
export async function askCriterion(session: Session, criterion: Criterion, heading: string): Promise<Move> {
  const { port, draft } = session;
  showQuestion(session, criterion, heading);
  for (;;) {
    const current = draft.answer(criterion.id);
    const answered = current.answer.kind !== "unanswered";
    const entry = await readEntry(session, criterion, answered);
    if (entry.kind === "refused") continue;
    if (entry.kind === "command") {
      if (entry.command === "help") {
        port.say(say(session, "assess.help", { values: levelValues(session.rubric, session.lang), keys: keysText(session.lang, QUESTION_COMMANDS) }));
        continue;
      }
      if (entry.command === "skip") return "next";
      if (entry.command === "evidence") {
        await editEvidence(session, criterion.id, { ...current, evidence: [...current.evidence] });
        return "next";
      }
      return entry.command;
    }
    let value: AnswerValue;
    if (entry.kind === "na") {
      const reason =
        entry.reason ??
        (await port.text(say(session, "assess.naReason"), {
          ...(current.answer.kind === "na" ? { default: current.answer.reason } : {}),
          validate: (text) => (text.trim() === "" ? say(session, "assess.naReasonRequired") : true),
        })).trim();
      value = { kind: "na", reason };
    } else value = entry.value;
    const evidence = entry.kind === "answer" && entry.evidence !== undefined ? [...current.evidence, evidenceItem(entry.evidence, session.today)] : [...current.evidence];
    const notes = entry.note ?? current.notes;
    const answer: Answer = { answer: value, evidence, ...(notes !== undefined ? { notes } : {}) };
    draft.setAnswer(criterion.id, answer);
    if (entry.kind === "answer" && entry.editor) await editEvidence(session, criterion.id, answer);
    return "next";
  }
}
