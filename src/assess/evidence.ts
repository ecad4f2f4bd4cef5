import type { Answer } from "../core/assessment.js";
import { asciiDigits, isIsoDate, say, sayCount, type Session } from "./session.js";

/** A piece of evidence typed on one line: a URL, or else a short note; dated today unless given. */
export function evidenceItem(text: string, date: string): Answer["evidence"][number] {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text);
  return { ...(isUrl ? { url: text } : { note: text }), date };
}

/** The full evidence editor: pieces one at a time until an empty line, each with its date; `-` removes what is recorded. Then the note. */
export async function editEvidence(session: Session, id: string, answer: Answer): Promise<void> {
  for (;;) {
    const prompt = answer.evidence.length > 0 ? sayCount(session, "assess.evidenceMore", answer.evidence.length) : say(session, "assess.evidence");
    const text = (await session.port.text(prompt)).trim();
    if (text === "") break;
    if (text === "-") {
      answer.evidence = [];
      session.draft.setAnswer(id, answer);
      continue;
    }
    const date = await session.port.text(say(session, "assess.evidenceDate"), {
      default: session.today,
      validate: (d) => (isIsoDate(asciiDigits(d.trim())) ? true : say(session, "assess.badDate")),
    });
    answer.evidence.push(evidenceItem(text, asciiDigits(date.trim())));
    session.draft.setAnswer(id, answer);
  }
  await editNote(session, id, answer);
}

/** A free note; Enter keeps the current one, `-` removes it. */
async function editNote(session: Session, id: string, answer: Answer): Promise<void> {
  const text = (await session.port.text(say(session, answer.notes !== undefined ? "assess.noteKeep" : "assess.notePrompt"), answer.notes !== undefined ? { default: answer.notes } : {})).trim();
  const notes = text === "" || text === "-" ? undefined : text;
  if (notes === answer.notes) return;
  if (notes === undefined) delete answer.notes;
  else answer.notes = notes;
  session.draft.setAnswer(id, answer);
}
