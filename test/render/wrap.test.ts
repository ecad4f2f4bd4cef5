// Terminal wrapping of narrative prose (render/wrap.ts reflowProse): an executive summary written on
// several lines of a YAML block reads as paragraphs, not as the writer's line breaks.
import { describe, expect, it } from "vitest";
import { displayWidth, reflowProse } from "../../src/render/wrap.js";

describe("reflowProse", () => {
  it("joins the lines of a paragraph, keeps blank lines between paragraphs, wraps flush left", () => {
    const text = "The directorate runs most services online: renewal, appointment\nbooking and payment are digital.\n\nThree steps would move it furthest.\n";
    expect(reflowProse(text, 40)).toEqual([
      "The directorate runs most services",
      "online: renewal, appointment booking and",
      "payment are digital.",
      "",
      "Three steps would move it furthest.",
    ]);
  });

  it("keeps each list item on its own line, its continuation under its text", () => {
    const text = "Next:\n- connect the traffic and the court records to the portal\n- publish results\n1. train the staff\n١. تدريب الموظفين\n";
    expect(reflowProse(text, 30)).toEqual(["Next:", "- connect the traffic and the", "  court records to the portal", "- publish results", "1. train the staff", "١. تدريب الموظفين"]);
  });

  it("never makes a line wider than asked, in Arabic too, and drops the indentation and empty paragraphs of the block", () => {
    const text = "   تقدّم مديرية الجوازات معظم خدماتها إلكترونيًا من البداية إلى النهاية: تجديد الجواز\n   وحجز المواعيد ودفع الرسوم رقمية بالكامل.\n\n\n\n   الفقرة الثانية.";
    const lines = reflowProse(text, 40);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.filter((l) => l === "")).toHaveLength(1);
    expect(lines.join(" ").replace(/ +/g, " ").trim()).toBe("تقدّم مديرية الجوازات معظم خدماتها إلكترونيًا من البداية إلى النهاية: تجديد الجواز وحجز المواعيد ودفع الرسوم رقمية بالكامل. الفقرة الثانية.");
  });
});

describe("displayWidth of a long text", () => {
  it("is string-width's width, measured in pieces (Latin, Arabic with marks, CJK, emoji, colour codes)", async () => {
    const stringWidth = (await import("string-width")).default;
    const { displayWidth } = await import("../../src/render/wrap.js");
    const parts = ["word ", "تقدّم مديرية ", "漢字", "👍🏽 ", "\u001b[31mred\u001b[39m ", "é", "x"];
    for (let n = 50; n <= 900; n += 170) {
      const text = Array.from({ length: n }, (_, i) => parts[(i * 7) % parts.length]).join("");
      expect(displayWidth(text), `${n} parts`).toBe(stringWidth(text));
    }
  });

  it("wraps a 40,000-word paragraph (one line of a summary) in linear time, every line within the width", () => {
    // string-width on the whole line cost minutes: the report of such a summary never ended.
    const line = Array.from({ length: 40_000 }, (_, i) => `word${i}`).join(" ");
    const lines = reflowProse(line, 80);
    expect(lines.length).toBeGreaterThan(3_000);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });
});
