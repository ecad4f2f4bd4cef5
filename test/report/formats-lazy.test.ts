// The CLI reaches `report`'s formats by name, each module loaded when chosen (src/report/formats/lazy.ts);
// the library entry imports them all (formats/index.ts). The two must offer the same formats with the
// same renderers, or `--format` and `render()` would drift apart.
import { describe, expect, it } from "vitest";
import { renderReportDocx } from "../../src/report/formats/docx.js";
import { reportBinaryFormats, reportFormats } from "../../src/report/formats/index.js";
import { REPORT_BINARY_FORMATS, REPORT_TEXT_FORMATS, reportWriter } from "../../src/report/formats/lazy.js";

describe("report's formats, loaded when chosen", () => {
  it("are the library's formats, each with the library's renderer", async () => {
    expect([...REPORT_TEXT_FORMATS]).toEqual(Object.keys(reportFormats));
    expect([...REPORT_BINARY_FORMATS]).toEqual(Object.keys(reportBinaryFormats));
    for (const format of REPORT_TEXT_FORMATS) expect(await reportWriter(format), format).toEqual({ text: reportFormats[format] });
    // The library's docx entry loads the same module on demand.
    expect(await reportWriter("docx")).toEqual({ binary: renderReportDocx });
    expect(await reportWriter("pdf")).toBeUndefined();
  });
});
