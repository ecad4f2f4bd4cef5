// The CLI reaches `score`'s formats by name, each module loaded when chosen (src/score/formats/lazy.ts);
// the library entry imports them all (formats/index.ts). The two must offer the same formats with the
// same renderers, or `--format` and `render()` would drift apart.
import { describe, expect, it } from "vitest";
import { scoreBinaryFormats, scoreChunkedFormats, scoreFormats } from "../../src/score/formats/index.js";
import { SCORE_BINARY_FORMATS, SCORE_TEXT_FORMATS, scoreWriter } from "../../src/score/formats/lazy.js";

describe("score's formats, loaded when chosen", () => {
  it("are the library's formats, each with the library's renderer (in pieces where the library writes it in pieces)", async () => {
    expect([...SCORE_TEXT_FORMATS]).toEqual(Object.keys(scoreFormats));
    expect([...SCORE_BINARY_FORMATS]).toEqual(Object.keys(scoreBinaryFormats));
    for (const format of SCORE_TEXT_FORMATS) {
      const writer = await scoreWriter(format);
      if (format in scoreChunkedFormats) expect(writer, format).toEqual({ chunks: scoreChunkedFormats[format] });
      else expect(writer, format).toEqual({ text: scoreFormats[format] });
    }
    expect(await scoreWriter("xlsx")).toEqual({ binary: scoreBinaryFormats.xlsx });
    expect(await scoreWriter("pdf")).toBeUndefined();
  });
});
