import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score.js";
import { loadAssessmentCsv } from "../../src/io/csv-load.js";
import { parseCsv } from "../../src/io/csv.js";

const EGDI_CSV = "test/fixtures/data/un-egdi-2022.csv";
const GTMI_CSV = "test/fixtures/data/wb-gtmi-2020-2022.csv";
const EGDI_MAPPING = "examples/composite/un-egdi-2022.mapping.yaml";
const GTMI_MAPPING = "examples/composite/wb-gtmi.mapping.yaml";

/** The published table as rows of header → cell, read independently of the mapping. */
function publishedRows(file: string): Record<string, string>[] {
  const { table, problems } = parseCsv(readFileSync(file, "utf8"), file);
  expect(problems).toEqual([]);
  const [header, ...rows] = table.records;
  return rows.map((r) => Object.fromEntries(header!.cells.map((h, i) => [h.value, r.cells[i]!.value])));
}

/** Standard competition ranking by value, descending: equal values share a rank, the next rank skips. */
function competitionRanks(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

/** The band of a value under the published thresholds (highest first). */
function band(value: number, bands: readonly [string, number][]): string {
  return bands.find(([, min]) => value >= min)![0];
}

describe("UN EGDI 2022: every published row reproduced by scoring its components with rubric un-egdi", () => {
  const published = publishedRows(EGDI_CSV);
  const load = loadAssessmentCsv(EGDI_CSV, { mapping: { file: EGDI_MAPPING } });
  const scored = load.assessments.map((a) => ({ name: String(a.assessment.agency.name), report: score(a.rubric, a.assessment) }));
  const byName = new Map(published.map((p) => [p["Country Name"]!.trim(), p]));

  it("loads all 193 rows of the unedited table, one assessment per member state", () => {
    expect(load.problems).toEqual([]);
    expect(published).toHaveLength(193);
    expect(scored).toHaveLength(193);
    expect(new Set(load.assessments.map((a) => a.assessment.agency.id)).size).toBe(193);
    expect(load.assessments.find((a) => a.assessment.agency.name === "Côte d'Ivoire")?.assessment.agency.id).toBe("cote-d-ivoire");
  });

  it("index equals the published EGDI within 1e-4 on every row (the components are published rounded)", () => {
    let worst = 0;
    for (const { name, report } of scored) {
      const egdi = Number(byName.get(name)!["E-Government Index"]);
      const diff = Math.abs(report.index! - egdi);
      worst = Math.max(worst, diff);
      expect(diff, name).toBeLessThanOrEqual(1e-4);
    }
    expect(worst).toBeGreaterThan(0); // the rounding is real: an exact match everywhere would mean the EGDI column was read
  });

  it("class equals the band of the published EGDI on every row", () => {
    const bands: [string, number][] = [["very-high", 0.75], ["high", 0.5], ["middle", 0.25], ["low", 0]];
    const counts = new Map<string, number>();
    for (const { name, report } of scored) {
      const egdi = Number(byName.get(name)!["E-Government Index"]);
      expect(report.classification?.id, name).toBe(band(egdi, bands));
      counts.set(report.classification!.id, (counts.get(report.classification!.id) ?? 0) + 1);
    }
    expect(counts.get("very-high")).toBe(60);
  });

  it("published rank = competition rank of the published EGDI on every row", () => {
    const egdi = published.map((p) => Number(p["E-Government Index"]));
    const ranks = competitionRanks(egdi);
    published.forEach((p, i) => expect(ranks[i], p["Country Name"]).toBe(Number(p["E-Government Rank"])));
  });

  it("rank of the reproduced index equals the published rank on 189 rows; the other 4 are Bahamas, Bhutan, Iceland, Eswatini, each one place from a tied neighbour less than 1e-4 away", () => {
    const ranks = competitionRanks(scored.map((s) => s.report.index!));
    const differ: string[] = [];
    scored.forEach(({ name }, i) => {
      const row = byName.get(name)!;
      const publishedRank = Number(row["E-Government Rank"]);
      if (ranks[i] === publishedRank) return;
      differ.push(name);
      expect(ranks[i], name).toBe(publishedRank + 1);
      const egdi = Number(row["E-Government Index"]);
      // Published tied with a neighbour (same EGDI, same rank); the rounded components break the tie.
      const neighbour = published.some((p) => p !== row && Math.abs(Number(p["E-Government Index"]) - egdi) < 1e-4 && Number(p["E-Government Rank"]) === publishedRank);
      expect(neighbour, name).toBe(true);
    });
    expect(differ.sort()).toEqual(["Bahamas", "Bhutan", "Eswatini", "Iceland"]);
  });
});

describe("World Bank GTMI 2020 and 2022: every published row reproduced by scoring its focus areas with rubric wb-gtmi", () => {
  const published = publishedRows(GTMI_CSV);
  const load = loadAssessmentCsv(GTMI_CSV, { mapping: { file: GTMI_MAPPING } });
  const byId = new Map(published.map((p) => [`${p.year}-${p.country_code}`, p]));

  it("loads all 396 rows (198 economies, two years)", () => {
    expect(load.problems).toEqual([]);
    expect(load.assessments).toHaveLength(396);
    const years = load.assessments.map((a) => a.assessment.agency.groups.year);
    expect(years.filter((y) => y === "2020")).toHaveLength(198);
    expect(years.filter((y) => y === "2022")).toHaveLength(198);
  });

  for (const year of ["2020", "2022"]) {
    it(`${year}: index equals the published GTMI within 1e-12 and class equals the published group, every row`, () => {
      const rows = load.assessments.filter((a) => a.assessment.agency.groups.year === year);
      expect(rows).toHaveLength(198);
      const groups = new Map<string, number>();
      for (const a of rows) {
        const report = score(a.rubric, a.assessment);
        const p = byId.get(a.assessment.agency.id)!;
        expect(p, a.assessment.agency.id).toBeDefined();
        expect(Math.abs(report.index! - Number(p.gtmi)), a.assessment.agency.id).toBeLessThanOrEqual(1e-12);
        expect(report.classification?.id, a.assessment.agency.id).toBe(p.grp);
        groups.set(p.grp!, (groups.get(p.grp!) ?? 0) + 1);
      }
      expect([...groups.keys()].sort()).toEqual(["A", "B", "C", "D"]);
    });
  }

  it("--where keeps one year: the same 198 economies of 2022 with the same scores", () => {
    const only = loadAssessmentCsv(GTMI_CSV, { mapping: { file: GTMI_MAPPING, where: ["year=2022"] } });
    expect(only.problems).toEqual([]);
    expect(only.assessments).toHaveLength(198);
    expect(only.assessments.every((a) => a.assessment.agency.id.startsWith("2022-"))).toBe(true);
    const kor = only.assessments.find((a) => a.assessment.agency.id === "2022-KOR")!;
    expect(score(kor.rubric, kor.assessment).index).toBeCloseTo(Number(byId.get("2022-KOR")!.gtmi), 12);
  });
});
