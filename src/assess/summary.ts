import { AssessmentSchema } from "../core/assessment-schema.js";
import { terminalLine } from "../render/context.js";
import { say, type Session } from "./session.js";

/** Whether assessments carry an executive summary (`summary:`, DESIGN §3 narrative). */
export const hasSummaryField = "summary" in AssessmentSchema.shape;

/**
 * The optional last step: the consultant's executive summary for the report, in the session's
 * language. Enter keeps the current one (or leaves none); `-` removes it.
 */
export async function askSummary(session: Session): Promise<void> {
  if (!hasSummaryField || session.askSummary !== true) return;
  const current = session.draft.summary(session.lang);
  const text = (await session.port.text(say(session, "assess.summaryPrompt"), current !== undefined ? { default: terminalLine(current) } : {})).trim();
  if (text === (current ?? "")) return;
  session.draft.setSummary(session.lang, text === "-" ? undefined : text);
}
