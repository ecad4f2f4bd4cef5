import { plural } from "../i18n/index.js";
import { say, type Session } from "./session.js";

/** Seconds spent answering: earlier sittings (from the file's `session:` block) and this one. */
export function secondsSpent(session: Pick<Session, "now" | "timing">): number {
  return session.timing.before + Math.max(0, session.now() - session.timing.started) / 1000;
}

/** A duration in whole minutes, in the session's language ("12 min", «١٢ دقيقة»). */
function minutes(session: Pick<Session, "lang">, seconds: number): string {
  return plural(session.lang, "assess.minutes", Math.round(seconds / 60));
}

/**
 * The time part of the progress line: time spent, and an estimate of the time left once this
 * sitting has answers to measure a pace by (seconds per answer so far × criteria still unanswered).
 */
export function timeProgress(session: Pick<Session, "lang" | "now" | "timing">, answered: number, unanswered: number): string {
  const spent = say(session, "assess.spent", { time: minutes(session, secondsSpent(session)) });
  const here = answered - session.timing.answeredAtStart;
  if (here <= 0 || unanswered === 0) return spent;
  const pace = Math.max(0, session.now() - session.timing.started) / 1000 / here;
  return `${spent} · ${say(session, "assess.left", { time: minutes(session, pace * unanswered) })}`;
}
