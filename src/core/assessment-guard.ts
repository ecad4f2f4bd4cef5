/**
 * The assessment schema as a plain predicate: true exactly when `AssessmentSchema.safeParse(value)`
 * succeeds (a differential test holds the two together), without zod's allocations. Loaders call it
 * on the happy path and keep zod to word the problems of a value it refuses.
 */
import type { AssessmentFile } from "./assessment.js";

const AGENCY_ID = /^[A-Za-z0-9._-]+$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** `isRealDate` of a YYYY-MM-DD string without a pattern or a Date (one per evidence item in a batch). */
function isDate(v: unknown): boolean {
  if (typeof v !== "string" || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    y = y * 10 + c;
  }
  const m1 = v.charCodeAt(5) - 48;
  const m2 = v.charCodeAt(6) - 48;
  const d1 = v.charCodeAt(8) - 48;
  const d2 = v.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  // Years 0–99 are not what they say in Date.UTC (1900 is added), so isRealDate refuses them: so does this.
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Every key of `record` is one of `allowed` (a strict object). */
function onlyKeys(record: Record<string, unknown>, allowed: readonly string[]): boolean {
  for (const key in record) if (!allowed.includes(key)) return false;
  return true;
}

function isLocalisedText(v: unknown): boolean {
  if (typeof v === "string") return true;
  if (!isPlainObject(v)) return false;
  for (const key in v) if (!LANGUAGE.test(key) || typeof v[key] !== "string") return false;
  return true;
}

function isEvidence(v: unknown): boolean {
  if (typeof v === "string") return v.length > 0;
  if (!isPlainObject(v) || !onlyKeys(v, ["url", "note", "date"])) return false;
  if (v.url !== undefined && (typeof v.url !== "string" || v.url.length === 0)) return false;
  if (v.note !== undefined && (typeof v.note !== "string" || v.note.length === 0)) return false;
  return v.date === undefined || isDate(v.date);
}

const ANSWER_KEYS = ["level", "value", "na", "evidence", "notes"] as const;

function isAnswer(v: unknown): boolean {
  if (v === null || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (!isPlainObject(v) || !onlyKeys(v, ANSWER_KEYS)) return false;
  if (v.level !== undefined && v.level !== null && !isNumber(v.level)) return false;
  if (v.value !== undefined && v.value !== null && !isNumber(v.value) && typeof v.value !== "boolean") return false;
  if (v.na !== undefined && v.na !== null && typeof v.na !== "string" && typeof v.na !== "boolean") return false;
  if (v.notes !== undefined && typeof v.notes !== "string") return false;
  if (v.evidence !== undefined) {
    if (!Array.isArray(v.evidence)) return false;
    for (const e of v.evidence) if (!isEvidence(e)) return false;
  }
  return true;
}

/** zod drops a `__proto__` key of a record (JSON.parse makes it an own key); the guard refuses it, so the value it passes is the one zod would give. */
const PROTO = "__proto__";

const TOP_KEYS = ["rubric", "agency", "assessor", "date", "language", "targets", "answers", "summary", "findings", "context", "session"] as const;

/** True when `value` passes the assessment schema (see the module comment). */
export function isAssessmentFile(value: unknown): value is AssessmentFile {
  if (!isPlainObject(value) || !onlyKeys(value, TOP_KEYS)) return false;
  if (value.rubric !== undefined && (typeof value.rubric !== "string" || value.rubric.length === 0)) return false;
  const agency = value.agency;
  if (!isPlainObject(agency) || !onlyKeys(agency, ["id", "name", "groups"])) return false;
  if (typeof agency.id !== "string" || !AGENCY_ID.test(agency.id)) return false;
  if (agency.name !== undefined && !isLocalisedText(agency.name)) return false;
  if (agency.groups !== undefined) {
    if (!isPlainObject(agency.groups)) return false;
    for (const key in agency.groups) {
      if (key === PROTO) return false;
      const g = agency.groups[key];
      if (typeof g !== "string" && !isNumber(g)) return false;
    }
  }
  if (value.assessor !== undefined && typeof value.assessor !== "string") return false;
  if (value.date !== undefined && !isDate(value.date)) return false;
  if (value.language !== undefined && (typeof value.language !== "string" || !LANGUAGE.test(value.language))) return false;
  if (value.targets !== undefined) {
    if (!isPlainObject(value.targets)) return false;
    for (const key in value.targets) {
      if (key === PROTO) return false;
      const t = value.targets[key];
      if (!isNumber(t) || t < 0 || t > 1) return false;
    }
  }
  if (value.summary !== undefined && !isLocalisedText(value.summary)) return false;
  if (value.context !== undefined && !isLocalisedText(value.context)) return false;
  if (value.findings !== undefined) {
    if (!isPlainObject(value.findings)) return false;
    for (const key in value.findings) if (key === PROTO || !isLocalisedText(value.findings[key])) return false;
  }
  if (value.session !== undefined && !isPlainObject(value.session)) return false;
  if (value.answers !== undefined && value.answers !== null) {
    if (!isPlainObject(value.answers)) return false;
    for (const key in value.answers) if (key === PROTO || !isAnswer(value.answers[key])) return false;
  }
  return true;
}
