// The shapes of file a planner receives, generated deterministically from one set of answers:
//   block   — `init`'s template filled in: comments kept, bare answers and block mappings with evidence
//   flow    — one-line flow map per answer with evidence (every other file without spaces, JSON-like keys)
//   anchors — block YAML whose evidence lists are anchored and aliased, notes as `|` block scalars
//   json    — JSON as JSON.stringify writes it (every other file indented by 2)
// in each, one file in ten with CRLF line ends and one in ten with a byte-order mark,
// and a CSV table (un-egdi rubric) of any number of rows.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { prng } from "./batch.js";

const root = fileURLToPath(new URL("..", import.meta.url));
export const SHAPES = ["block", "flow", "anchors", "json"];
const SECTORS = ["health", "interior", "finance", "education", "justice", "transport", "municipal", "energy"];
const REGIONS = ["capital", "north", "south", "east", "west"];

/** One agency's data: every criterion answered, evidence and notes on some. */
function agencyData(n, criteria, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const id = `agency-${String(n).padStart(5, "0")}`;
  const skill = random();
  const answers = criteria.map((c) => {
    let value;
    if (c.type === "boolean") value = { value: random() < skill + 0.2 };
    else if (c.type === "number") {
      // Inside the declared range when there is one (a value outside is VALUE_OUT_OF_RANGE).
      const lo = Math.max(c.range?.[0] ?? -Infinity, c.max !== undefined ? (c.min ?? 0) : 0);
      const hi = Math.min(c.range?.[1] ?? Infinity, c.max !== undefined ? c.max : 100);
      value = { value: Math.round(lo + (hi - lo) * random()) };
    }
    else value = { level: Math.max(0, Math.min(4, Math.round(skill * 4 + (random() - 0.5) * 2.5))) };
    const answer = { id: c.id, ...value };
    if (random() < 0.7) answer.evidence = [{ url: `https://${id}.gov.example/${c.id.replace(/\./g, "/")}`, note: "Page checked by the assessors", date: `2026-02-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}` }];
    if (random() < 0.3) answer.notes = `Seen during the site visit; the unit head confirmed the figures for ${c.id}.`;
    return answer;
  });
  return {
    id,
    name: { en: `Agency ${n}`, ar: `الجهة ${n}` },
    groups: { sector: pick(SECTORS), region: pick(REGIONS) },
    date: `2026-${String(1 + Math.floor(random() * 9)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
    answers,
  };
}

const scalar = (a) => ("level" in a ? a.level : a.value);
const valueKey = (a) => ("level" in a ? "level" : "value");

function blockFile(data, template) {
  const byId = new Map(data.answers.map((a) => [a.id, a]));
  const head = template
    .replace('id: "agency-template"', `id: "${data.id}"\n  name: {en: "${data.name.en}", ar: "${data.name.ar}"}`)
    .replace("groups: {}", `groups: {sector: ${data.groups.sector}, region: ${data.groups.region}}`)
    .replace(/^date: .*$/m, `date: ${data.date}`);
  return head.replace(/^ {2}([a-z0-9.-]+):$/gm, (line, id) => {
    const a = byId.get(id);
    if (a === undefined) return line;
    if (a.evidence === undefined && a.notes === undefined) return `  ${id}: ${scalar(a)}`;
    const lines = [`  ${id}:`, `    ${valueKey(a)}: ${scalar(a)}`];
    if (a.evidence) for (const [i, e] of a.evidence.entries()) lines.push(...(i === 0 ? ["    evidence:"] : []), `      - url: ${e.url}`, `        note: ${e.note}`, `        date: ${e.date}`);
    if (a.notes) lines.push(`    notes: ${a.notes}`);
    return lines.join("\n");
  });
}

function header(data) {
  return ["rubric: egov-maturity@2", "agency:", `  id: ${data.id}`, `  name: {en: "${data.name.en}", ar: "${data.name.ar}"}`, `  groups: {sector: ${data.groups.sector}, region: ${data.groups.region}}`, "assessor: Digital Government Authority, assessment team", `date: ${data.date}`, "language: en", "answers:"];
}

function flowFile(data, compact) {
  const lines = header(data);
  for (const a of data.answers) {
    if (compact) {
      const parts = [`"${valueKey(a)}":${scalar(a)}`];
      if (a.evidence) parts.push(`"evidence":[${a.evidence.map((e) => `{"url":"${e.url}","note":"${e.note}","date":"${e.date}"}`).join(",")}]`);
      if (a.notes) parts.push(`"notes":"${a.notes}"`);
      lines.push(`  ${a.id}: {${parts.join(",")}}`);
    } else {
      const parts = [`${valueKey(a)}: ${scalar(a)}`];
      if (a.evidence) parts.push(`evidence: [${a.evidence.map((e) => `{url: "${e.url}", note: "${e.note}", date: ${e.date}}`).join(", ")}]`);
      if (a.notes) parts.push(`notes: "${a.notes}"`);
      lines.push(`  ${a.id}: {${parts.join(", ")}}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function anchorsFile(data) {
  const lines = header(data);
  let anchored = false;
  for (const a of data.answers) {
    lines.push(`  ${a.id}:`, `    ${valueKey(a)}: ${scalar(a)}`);
    if (a.evidence) {
      if (!anchored) {
        lines.push("    evidence: &site-visit", `      - url: ${a.evidence[0].url}`, `        note: ${a.evidence[0].note}`);
        anchored = true;
      } else lines.push("    evidence: *site-visit");
    }
    if (a.notes) lines.push("    notes: |", `      ${a.notes}`, "      Figures to be checked again next year.");
  }
  return `${lines.join("\n")}\n`;
}

function jsonFile(data, indent) {
  const answers = {};
  for (const a of data.answers) {
    const { id, ...rest } = a;
    answers[id] = rest;
  }
  const value = { rubric: "egov-maturity@2", agency: { id: data.id, name: data.name, groups: data.groups }, assessor: "Digital Government Authority, assessment team", date: data.date, language: "en", answers };
  return `${indent ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
}

/** Writes `count` files of a shape into `dir`/d00…, 1,000 per folder; returns the folders. */
export function ensureShape(shape, dir, count) {
  const dirs = Array.from({ length: Math.ceil(count / 1000) }, (_, d) => `${dir}/d${String(d).padStart(2, "0")}`);
  if (existsSync(`${dirs.at(-1)}/a${String(999).padStart(3, "0")}.yaml`)) return dirs;
  const { criteria, template } = shapeInputs(shape);
  const random = prng(20261130);
  for (let n = 0; n < dirs.length * 1000; n++) {
    const d = dirs[Math.floor(n / 1000)];
    if (n % 1000 === 0) mkdirSync(d, { recursive: true });
    writeFileSync(`${d}/a${String(n % 1000).padStart(3, "0")}.yaml`, shapeText(shape, n, criteria, random, template));
  }
  return dirs;
}

/** The rubric's criteria and `init`'s template, as `shapeText` needs them. */
export function shapeInputs(shape) {
  const rubric = parse(readFileSync(`${root}rubrics/egov-maturity.yaml`, "utf8"));
  const criteria = rubric.dimensions.flatMap((d) => d.criteria);
  const template = shape === "block" ? String(spawnSync(process.execPath, [`${root}bin/egov-maturity.js`, "init", "--agency", "agency-template", "--rubric", "egov-maturity@2"], { encoding: "utf8" }).stdout) : "";
  return { criteria, template };
}

/**
 * File `n` of a shape. Every tenth file (n % 10 === 3) has CRLF line ends and every tenth
 * (n % 10 === 7) starts with a byte-order mark, as files saved on Windows do.
 */
export function shapeText(shape, n, criteria, random, template) {
  const data = agencyData(n, criteria, random);
  const text = shape === "block" ? blockFile(data, template) : shape === "flow" ? flowFile(data, n % 2 === 1) : shape === "anchors" ? anchorsFile(data) : jsonFile(data, n % 2 === 1);
  if (n % 10 === 3) return text.replace(/\n/g, "\r\n");
  if (n % 10 === 7) return `\uFEFF${text}`;
  return text;
}

/** A CSV table of `rows` countries in the UN survey's layout (un-egdi rubric, examples' mapping). */
export function ensureCsv(file, rows) {
  if (existsSync(file)) return file;
  const random = prng(rows);
  const lines = ["Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index"];
  const f = () => random().toFixed(5);
  for (let i = 0; i < rows; i++) lines.push(`2022,Country ${i},${i + 1},${f()},${f()},${f()},${f()},${f()}`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
