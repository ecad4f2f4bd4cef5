import type { Command } from "commander";
import Table from "cli-table3";
import { Chalk } from "chalk";
import { InputError } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { builtinRubrics, loadRubric } from "../io/rubric-load.js";
import { formatScore, terminalLine, textOf } from "../render/context.js";
import { plural, t } from "../i18n/index.js";
import { wrapText } from "../render/wrap.js";
import { gateRequirement, phraseText } from "../render/gates.js";
import { chooseLanguage, formatOption, optionsOf } from "./common.js";
import { emit, useColor } from "./output.js";
import type { RubricListEntry } from "./rubric-list-schema.js";

function load(ref: string): Rubric {
  const loaded = loadRubric(ref);
  if (loaded.problem) throw new InputError([{ ...loaded.problem, severity: "error", file: ref, line: 1, column: 1 }]);
  if (!loaded.rubric) throw new InputError(loaded.problems);
  return loaded.rubric;
}

/** A rubric's structure as plain data in one language (the JSON of `rubric show`): valid against `schema rubric`, with `schemaVersion`. */
export function rubricStructure(rubric: Rubric, lang: string) {
  const tx = (x: Parameters<typeof textOf>[1]) => textOf(rubric, x, lang);
  return {
    schemaVersion: 1 as const,
    id: rubric.id,
    version: rubric.version,
    title: tx(rubric.title),
    languages: rubric.languages,
    display: rubric.display,
    scale: rubric.scale.map((s) => ({ value: s.value, label: tx(s.label) })),
    classification: rubric.classification.map((b) => ({ id: b.id, min: b.min, label: tx(b.label) })),
    dimensions: rubric.dimensions.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: tx(d.title),
      weight: d.weight,
      // A prerequisite has no threshold: left out, so the JSON stays valid against `schema rubric`.
      ...(d.threshold !== undefined ? { threshold: d.threshold } : {}),
      target: d.target,
      requires: d.requires.map((g) => ({ ...g, text: phraseText(gateRequirement(rubric, g, lang)) })),
      criteria: d.criteria.map((c) => ({ id: c.id, title: tx(c.title), type: c.type, weight: c.weight, tags: c.tags })),
    })),
  };
}

/** `rubric list` and `rubric show <id>`. */
export function registerRubric(program: Command): void {
  const rubric = program.command("rubric").summary("the built-in rubrics and their structure").description("the built-in rubrics, and one rubric's structure");
  rubric
    .command("list")
    .description("list the built-in rubrics")
    .addOption(formatOption(["table", "json"], "table"))
    .addHelpText("after", "\nExamples:\n  $ egov-maturity rubric list\n  $ egov-maturity rubric list --format json")
    .action((_opts: unknown, command: Command) => {
      const options = optionsOf<{ format: string }>(command);
      const rows = [...builtinRubrics().keys()].map((id): RubricListEntry => {
        const r = load(id);
        const lang = chooseLanguage(options.lang, r);
        return { id: r.id, version: r.version, title: textOf(r, r.title, lang), languages: [...r.languages], dimensions: r.dimensions.length, criteria: r.criteria.size };
      });
      if (options.format === "json") return emit(`${JSON.stringify({ schemaVersion: 1, rubrics: rows }, null, 2)}\n`, options);
      const lang = options.lang?.toLowerCase() ?? "en";
      const table = new Table({ head: [t(lang, "rubric.id"), t(lang, "rubric.version"), t(lang, "rubric.title"), t(lang, "rubric.languages"), t(lang, "rubric.size")], colWidths: [15, 9, 27, 11, 12], wordWrap: true, style: { head: useColor(options) ? ["bold"] : [], border: [] } });
      for (const r of rows) table.push([r.id, r.version, terminalLine(r.title), r.languages.join(", "), `${r.dimensions} · ${r.criteria}`]);
      emit(`${table.toString()}\n`, options);
    });
  rubric
    .command("show")
    .description("show one rubric's structure: dimensions, weights, thresholds, targets, gates, criteria")
    .argument("<id or path>", "built-in rubric id (egov-maturity) or path to a rubric file")
    .addOption(formatOption(["table", "json"], "table"))
    .addHelpText("after", "\nExamples:\n  $ egov-maturity rubric show egov-maturity\n  $ egov-maturity rubric show egov-maturity --lang ar\n  $ egov-maturity rubric show ./my-rubric.yaml --format json\nThe questions, every level's descriptor and the evidence to ask for are in the questionnaire:\n  $ egov-maturity init --format html --rubric egov-maturity --output questionnaire.html")
    .action((ref: string, _opts: unknown, command: Command) => {
      const options = optionsOf<{ format: string }>(command);
      const r = load(ref);
      const lang = chooseLanguage(options.lang, r);
      const s = rubricStructure(r, lang);
      if (options.format === "json") return emit(`${JSON.stringify(s, null, 2)}\n`, options);
      const c = new Chalk({ level: useColor(options) ? 1 : 0 });
      const fmt = (x: number | null) => formatScore(x, r.display);
      const comma = lang.split("-")[0] === "ar" ? "، " : ", ";
      const lines = [c.bold(`${terminalLine(s.title)} · ${s.id} ${s.version}`), `${t(lang, "rubric.languages")}: ${s.languages.join(", ")} · ${t(lang, "rubric.scale")}: ${s.scale.map((x) => `${x.value} ${terminalLine(x.label)}`).join(comma)}`];
      if (s.classification.length > 0) lines.push(`${t(lang, "class")}: ${s.classification.map((b) => `${terminalLine(b.label)} ≥ ${fmt(b.min)}`).join(comma)}`);
      for (let i = 0; i < lines.length; i++) lines[i] = wrapText(lines[i]!, 80);
      lines.push("");
      // Both tables fit 80 columns; ids sit under their titles so they can be copied whole.
      const dims = new Table({
        head: [t(lang, "dimension"), t(lang, "kind"), t(lang, "rubric.weight"), t(lang, "rubric.thresholdTarget"), t(lang, "rubric.requires")],
        colWidths: [20, 14, 8, 11, 21],
        wordWrap: true,
        style: { head: useColor(options) ? ["bold"] : [], border: [] },
      });
      for (const d of s.dimensions) {
        const thresholdTarget = d.threshold === undefined ? `— / ${fmt(d.target)}` : `${fmt(d.threshold)} / ${fmt(d.target)}`;
        dims.push([`${terminalLine(d.title)}\n${c.dim(`${d.id}\n${plural(lang, "rubric.criteriaCount", d.criteria.length)}`)}`, t(lang, `kind.${d.kind}`), String(d.weight), thresholdTarget, d.requires.map((g) => terminalLine(phraseText(gateRequirement(r, g, lang)))).join("\n") || "—"]);
      }
      lines.push(dims.toString(), "");
      const crit = new Table({ head: [t(lang, "criterion"), t(lang, "rubric.type"), t(lang, "rubric.weight")], colWidths: [55, 11, 8], wordWrap: true, style: { head: useColor(options) ? ["bold"] : [], border: [] } });
      for (const d of s.dimensions) for (const x of d.criteria) crit.push([`${terminalLine(x.title)}\n${c.dim(x.id)}`, t(lang, `rubric.type.${x.type}`), String(x.weight)]);
      lines.push(crit.toString());
      emit(`${lines.join("\n")}\n`, options);
    });
}
