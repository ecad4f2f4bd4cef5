import { describe, expect, it } from "vitest";
import type { Violation } from "../../src/core/policy.js";
import { applyWaivers, rubricMatchesPin, rubricPinViolations, waiverProblems } from "../../src/core/waiver.js";
import { loadRubricFile } from "../../src/io/rubric-load.js";
import { MINI_RUBRIC } from "./helpers.js";

const low: Violation = { rule: "min-dimension", severity: "error", path: ["agency"], dimension: "security", actual: 0.3, expected: 0.5 };
const waiver = { agency: "c1", rule: "min-dimension" as const, dimension: "security", reason: "Office staffed in March", expires: "2027-03-31" };

describe("waivers", () => {
  it.each([
    ["2027-03-30", false],
    ["2027-03-31", false],
    ["2027-04-01", true],
  ])("on %s the waiver is expired: %s", (today, expired) => {
    expect(applyWaivers("c1", [low], [waiver], today)[0]!.waiver).toEqual({ reason: "Office staffed in March", expires: "2027-03-31", expired });
  });

  it("matches agency, rule and the criterion or dimension it names, nothing else", () => {
    expect(applyWaivers("c2", [low], [waiver], "2027-01-01")[0]!.waiver).toBeUndefined();
    expect(applyWaivers("c1", [{ ...low, dimension: "publication" }], [waiver], "2027-01-01")[0]!.waiver).toBeUndefined();
    expect(applyWaivers("c1", [{ ...low, rule: "min-index" }], [waiver], "2027-01-01")[0]!.waiver).toBeUndefined();
    expect(applyWaivers("c1", [low], [{ ...waiver, dimension: undefined, "approved-by": "CIO" }], "2027-01-01")[0]!.waiver).toMatchObject({ approvedBy: "CIO" });
  });

  it("unknown agencies, criteria and dimensions are problems at their place in the policy", () => {
    const rubric = loadRubricFile(MINI_RUBRIC).rubric!;
    const problems = waiverProblems({ waivers: [{ ...waiver, agency: "c9" }, { ...waiver, dimension: "securty" }, { ...waiver, rule: "forbid-na", dimension: undefined, criterion: "sec.nope" }] }, new Set(["c1"]), [rubric]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["POLICY_UNKNOWN_AGENCY", ["waivers", 0, "agency"]],
      ["POLICY_UNKNOWN_DIMENSION", ["waivers", 1, "dimension"]],
      ["POLICY_UNKNOWN_CRITERION", ["waivers", 2, "criterion"]],
    ]);
  });

  it("an agency listed under `retired:` is not unknown to a waiver", () => {
    const policy = { retired: [{ agency: "c9", reason: "Merged into c1" }], waivers: [{ ...waiver, agency: "c9", rule: "agency-removed" as const, dimension: undefined }] };
    expect(waiverProblems(policy, new Set(["c1"]), [])).toEqual([]);
  });
});

describe("rubric pin", () => {
  const rubric = { id: "egov-maturity", version: "2.1.0" };
  it.each([
    ["egov-maturity", true],
    ["egov-maturity@2", true],
    ["egov-maturity@2.1", true],
    ["egov-maturity@2.1.0", true],
    ["egov-maturity@1", false],
    ["egov-maturity@2.10", false],
    ["un-egdi@2", false],
    ["0123456789ab", true],
    ["ba9876543210", false],
  ])("%s matches egov-maturity 2.1.0 (digest 0123456789ab): %s", (pin, matches) => {
    expect(rubricMatchesPin(pin, rubric, "0123456789ab")).toBe(matches);
  });

  it("an assessment on another rubric is a rubric-pin violation at `rubric:`", () => {
    const mini = loadRubricFile(MINI_RUBRIC).rubric!;
    expect(rubricPinViolations("egov-maturity@1", mini)).toEqual([{ rule: "rubric-pin", severity: "error", path: ["rubric"], actual: `mini@${mini.version}`, expected: "egov-maturity@1" }]);
    expect(rubricPinViolations(`mini@${mini.version}`, mini)).toEqual([]);
    expect(rubricPinViolations(undefined, mini)).toEqual([]);
  });
});
