import { t } from "../i18n/index.js";
import type { PromptPort } from "./port.js";
import { asciiDigits, isIsoDate } from "./session.js";

/** The agency's details, the assessor and the date, as asked before the first question. */
export interface HeaderAnswers {
  agencyId: string;
  agencyName?: string;
  groups: Record<string, string>;
  assessor?: string;
  date: string;
}

const AGENCY_ID = /^[A-Za-z0-9._-]+$/;
const GROUP_KEY = /^[A-Za-z0-9._-]+$/;

/** Parses `key=value, key=value`; undefined when a part is not of that form. */
export function parseGroups(text: string): Record<string, string> | undefined {
  const groups: Record<string, string> = {};
  for (const part of text.split(/[,،]/)) {
    if (part.trim() === "") continue;
    const m = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (!m || !GROUP_KEY.test(m[1]!) || m[2] === "") return undefined;
    groups[m[1]!] = m[2]!;
  }
  return groups;
}

/**
 * Asks for the agency (id, name, sector, region, other groups), the assessor and the date.
 * Optional answers are left out when empty.
 */
export async function askHeader(port: PromptPort, lang: string, defaults: { agencyId?: string; today: string }): Promise<HeaderAnswers> {
  port.say(t(lang, "assess.setupIntro"));
  const agencyId = (
    await port.text(t(lang, "assess.agencyId"), {
      ...(defaults.agencyId !== undefined ? { default: defaults.agencyId } : {}),
      validate: (s) => (AGENCY_ID.test(s.trim()) ? true : t(lang, "assess.badAgencyId")),
    })
  ).trim();
  const agencyName = (await port.text(t(lang, "assess.agencyName"))).trim();
  const groups: Record<string, string> = {};
  const sector = (await port.text(t(lang, "assess.sector"))).trim();
  if (sector !== "") groups.sector = sector;
  const region = (await port.text(t(lang, "assess.region"))).trim();
  if (region !== "") groups.region = region;
  const more = await port.text(t(lang, "assess.otherGroups"), { validate: (s) => (parseGroups(s) !== undefined ? true : t(lang, "assess.badGroups")) });
  Object.assign(groups, parseGroups(more));
  const assessor = (await port.text(t(lang, "assess.assessor"))).trim();
  const date = asciiDigits(
    (
      await port.text(t(lang, "date"), {
        default: defaults.today,
        validate: (s) => (isIsoDate(asciiDigits(s.trim())) ? true : t(lang, "assess.badDate")),
      })
    ).trim(),
  );
  return {
    agencyId,
    ...(agencyName !== "" ? { agencyName } : {}),
    groups,
    ...(assessor !== "" ? { assessor } : {}),
    date,
  };
}
