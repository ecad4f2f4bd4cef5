// Writes the "International frameworks → criteria" tables of rubrics/README.md from the `refs` of
// rubrics/egov-maturity.yaml, between the `<!-- rubric-tables:begin -->` and `<!-- rubric-tables:end -->`
// markers. `npm run rubric-tables` rewrites the README; `--check` only compares and exits 1 when the
// README is out of date (test/rubric-tables.test.ts runs it). A ref this script does not know is an
// error: every ref must name a real indicator or dimension of its instrument.
//
//   node scripts/rubric-tables.js [--check] [--rubric FILE] [--readme FILE]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const BEGIN = "<!-- rubric-tables:begin -->";
const END = "<!-- rubric-tables:end -->";

/** The instruments, in table order; each code maps to its name in that instrument. */
const FRAMEWORKS = [
  {
    prefix: "UN-OSI",
    name: "UN OSI 2022",
    codes: {
      "institutional-framework": "institutional framework",
      "content-provision": "content provision",
      "services-provision": "services provision",
      technology: "technology",
      "e-participation": "e-participation",
    },
  },
  {
    prefix: "UN-LOSI",
    name: "UN LOSI 2022",
    codes: {
      "institutional-framework": "institutional framework",
      "content-provision": "content provision",
      "services-provision": "services provision",
      "participation-engagement": "participation and engagement",
      technology: "technology",
    },
  },
  {
    prefix: "UN-EGDI",
    name: "UN EGDI",
    codes: { TII: "Telecommunication Infrastructure Index", HCI: "Human Capital Index" },
  },
  { prefix: "GTMI", name: "World Bank GTMI 2022", codes: gtmiCodes() },
  {
    prefix: "OECD-DGI",
    name: "OECD DGI 2023",
    codes: {
      "digital-by-design": "digital by design",
      "data-driven-public-sector": "data-driven public sector",
      "government-as-a-platform": "government as a platform",
      "open-by-default": "open by default",
      "user-driven": "user-driven",
      proactiveness: "proactiveness",
    },
  },
];

/**
 * GTMI 2022 indicators as the World Bank GovTech dataset (October 2022) words them, and for those no
 * criterion matches, why. I-27 is left out: its 2022 label could not be confirmed.
 */
function gtmiIndicators() {
  const national = "a national system or policy, not something one agency puts in place";
  const index = "an external index of the whole country";
  const sector = "a portal of one sector (tax, customs, pensions, jobs)";
  const innovation = "innovation policy: an agency is not more mature for it (see below)";
  return {
    1: ["shared cloud platform for all government entities"],
    2: ["government enterprise architecture framework"],
    3: ["government interoperability framework"],
    4: ["government service bus platform"],
    5: ["operational financial management information system (FMIS)", national],
    6: ["treasury single account supported by the FMIS", national],
    7: ["tax management information system", national],
    8: ["customs management information system", national],
    9: ["human resources management information system with self-service", national],
    10: ["payroll system linked with the HRMIS", national],
    11: ["social insurance system", national],
    12: ["e-procurement portal"],
    13: ["debt management system", national],
    14: ["public investment management system", national],
    15: ["open-source software policy", national],
    16: ["UN Telecommunication Infrastructure Index"],
    17: ["national strategy on disruptive / innovative technologies", innovation],
    18: ["UN Online Service Index", "the whole OSI of the country; the refs name its subindices (UN-OSI) instead"],
    19: ["online public service portal (one-stop shop)"],
    20: ["tax online service portal", sector],
    21: ["e-filing of tax or customs declarations"],
    22: ["e-payment services"],
    23: ["customs online service portal (single window)", sector],
    24: ["social insurance / pension online service portal", sector],
    25: ["job portal", sector],
    26: ["digital ID for remote authentication to online services"],
    28: ["open government portal"],
    29: ["open data portal"],
    30: ["platforms for citizens to take part in policy decisions"],
    31: ["platforms for citizens' feedback on service delivery"],
    32: ["citizen engagement statistics and performance published regularly"],
    33: ["government entity in charge of GovTech"],
    34: ["government entity in charge of data governance"],
    35: ["GovTech / digital transformation strategy"],
    36: ["whole-of-government approach to digital transformation"],
    37: ["right-to-information laws"],
    38: ["data protection / privacy law"],
    39: ["data protection authority", national],
    40: ["national (foundational) ID system", national],
    41: ["national ID records held in digital form", national],
    42: ["digital signature regulation and PKI"],
    43: ["ITU Global Cybersecurity Index", index],
    44: ["UN Human Capital Index"],
    45: ["strategy or programme for digital skills in the public sector"],
    46: ["public sector innovation strategy or programme", innovation],
    47: ["government entity for public sector innovation", innovation],
    48: ["policy supporting GovTech start-ups and private investment"],
  };
}

function gtmiCodes() {
  const codes = {};
  for (const [n, [label]] of Object.entries(gtmiIndicators())) codes[`I-${n}`] = label;
  return {
    ...codes,
    CGSI: "Core Government Systems Index (component; no single indicator matches)",
    PSDI: "Public Service Delivery Index (component; no single indicator matches)",
    DCEI: "Digital Citizen Engagement Index (component; no single indicator matches)",
    GTEI: "GovTech Enablers Index (component; no single indicator matches)",
  };
}

/** Criteria of the rubric in file order, with their dimension. */
function readCriteria(rubricFile) {
  const rubric = parse(readFileSync(rubricFile, "utf8"));
  const criteria = [];
  for (const d of rubric.dimensions) for (const c of d.criteria) criteria.push({ id: c.id, dimension: d.id, refs: c.refs ?? [] });
  return criteria;
}

/** `publication.*` when every criterion of a dimension is listed, else the ids. */
function criteriaCell(ids, criteria) {
  const parts = [];
  const done = new Set();
  for (const c of criteria) {
    if (!ids.includes(c.id) || done.has(c.dimension)) continue;
    const all = criteria.filter((x) => x.dimension === c.dimension);
    if (all.length > 1 && all.every((x) => ids.includes(x.id))) {
      parts.push(`\`${c.dimension}.*\``);
      done.add(c.dimension);
    } else parts.push(`\`${c.id}\``);
  }
  return parts.join(", ");
}

/** The generated Markdown: one table of every ref, then the GTMI indicators no criterion matches. */
export function renderTables(rubricFile) {
  const criteria = readCriteria(rubricFile);
  const problems = [];
  const byRef = new Map();
  for (const c of criteria) {
    for (const ref of c.refs) {
      const [prefix, code] = ref.split(/:(.*)/s);
      const fw = FRAMEWORKS.find((f) => f.prefix === prefix);
      if (!fw || !(code in fw.codes)) problems.push(`${c.id}: unknown ref ${ref}`);
      else byRef.set(ref, [...(byRef.get(ref) ?? []), c.id]);
    }
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const rows = ["| framework | indicator or dimension | criteria |", "|---|---|---|"];
  for (const fw of FRAMEWORKS) {
    for (const [code, name] of Object.entries(fw.codes)) {
      const ids = byRef.get(`${fw.prefix}:${code}`);
      if (!ids) continue;
      const label = code.startsWith("I-") || /^[A-Z]+$/.test(code) ? `${code} ${name}` : name;
      rows.push(`| ${fw.name} | ${label} | ${criteriaCell(ids, criteria)} |`);
    }
  }
  const unmatched = ["| GTMI indicator | why no criterion corresponds |", "|---|---|"];
  for (const [n, [label, why]] of Object.entries(gtmiIndicators())) {
    if (why && !byRef.has(`GTMI:I-${n}`)) unmatched.push(`| I-${n} ${label} | ${why} |`);
  }
  return `${rows.join("\n")}\n\n${unmatched.join("\n")}\n`;
}

/** The README with its generated block replaced. */
export function updateReadme(readme, tables) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README lacks the ${BEGIN} … ${END} markers`);
  return `${readme.slice(0, start)}${BEGIN}\n\n${tables}\n${readme.slice(end)}`;
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const rubricFile = arg("--rubric", `${root}rubrics/egov-maturity.yaml`);
  const readmeFile = arg("--readme", `${root}rubrics/README.md`);
  const readme = readFileSync(readmeFile, "utf8");
  const next = updateReadme(readme, renderTables(rubricFile));
  if (argv.includes("--check")) {
    if (next !== readme) {
      process.stderr.write(`${readmeFile}: the framework tables are out of date with ${rubricFile}; run npm run rubric-tables\n`);
      process.exitCode = 1;
    }
    return;
  }
  if (next !== readme) writeFileSync(readmeFile, next);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
