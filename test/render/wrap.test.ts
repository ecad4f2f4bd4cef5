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
