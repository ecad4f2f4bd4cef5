import type { Command } from "commander";
import { InputError } from "../core/problems.js";
import { assessmentJsonSchema, rubricJsonSchema } from "../core/json-schema.js";
import { checkJsonSchema } from "../check/schema.js";
import { compareJsonSchema } from "../compare/schema.js";
import { scoreJsonSchema, scoreNdjsonSchema } from "../score/schema.js";
import { validateJsonSchema } from "./validate-schema.js";
import { rubricListJsonSchema } from "./rubric-list-schema.js";
import { policyJsonSchema } from "../core/policy-schema.js";
import { loadRubric } from "../io/rubric-load.js";
import { reportJsonSchema } from "../report/schema.js";
import { optionsOf, rubricOption } from "./common.js";
import { emit } from "./output.js";

function print(schema: Record<string, unknown>, command: Command): void {
  emit(`${JSON.stringify(schema, null, 2)}\n`, optionsOf(command));
}

/** `schema rubric | assessment [--rubric id] | report`: JSON Schemas for editors and machines. */
export function registerSchema(program: Command): void {
  const schema = program
    .command("schema")
    .summary("JSON Schemas for editors and machines")
    .description("print a JSON Schema: of rubric files, of assessment files (for a given rubric), or of the JSON report")
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity schema rubric --output schemas/rubric.schema.json
  $ egov-maturity schema rubric --list --output schemas/rubric-list.schema.json
  $ egov-maturity schema assessment --rubric egov-maturity --output egov-maturity.assessment.schema.json
  $ egov-maturity schema report
  $ egov-maturity schema policy --output schemas/policy.schema.json
  $ egov-maturity schema check --output schemas/check.schema.json
  $ egov-maturity schema score --ndjson --output schemas/score.ndjson.schema.json

Point the YAML language server at it with a first line such as
  # yaml-language-server: $schema=./egov-maturity.assessment.schema.json`,
    );
  schema
    .command("rubric")
    .description("JSON Schema of rubric files (and of `rubric show --format json`); with --list, of `rubric list --format json`")
    .option("--list", "the schema of `rubric list --format json` instead")
    .action((_opts: unknown, command: Command) => print(optionsOf<{ list?: boolean }>(command).list ? rubricListJsonSchema() : rubricJsonSchema(), command));
  schema
    .command("assessment")
    .description("JSON Schema of assessment files; with --rubric, it enumerates that rubric's criterion ids and allowed answers")
    .addOption(rubricOption("rubric id or path whose criteria the schema enumerates"))
    .action((_opts: unknown, command: Command) => {
      const options = optionsOf<{ rubric?: string }>(command);
      if (options.rubric === undefined) return print(assessmentJsonSchema(), command);
      const loaded = loadRubric(options.rubric);
      if (loaded.problem) throw new InputError([{ ...loaded.problem, severity: "error", file: options.rubric, line: 1, column: 1 }]);
      if (!loaded.rubric) throw new InputError(loaded.problems);
      print(assessmentJsonSchema(loaded.rubric), command);
    });
  schema
    .command("policy")
    .description("JSON Schema of `check --policy` files")
    .action((_opts: unknown, command: Command) => print(policyJsonSchema(), command));
  schema
    .command("check")
    .description("JSON Schema of `check --format json` (and of the library's check())")
    .action((_opts: unknown, command: Command) => print(checkJsonSchema(), command));
  schema
    .command("score")
    .description("JSON Schema of `score --format json`; with --ndjson, of one line of `score --format ndjson` (its `type` says which kind)")
    .option("--ndjson", "the schema of one ndjson line instead")
    .action((_opts: unknown, command: Command) => print(optionsOf<{ ndjson?: boolean }>(command).ndjson ? scoreNdjsonSchema() : scoreJsonSchema(), command));
  for (const [name, build] of [["compare", compareJsonSchema], ["validate", validateJsonSchema]] as const) {
    schema
      .command(name)
      .description(`JSON Schema of \`${name} --format json\``)
      .action((_opts: unknown, command: Command) => print(build(), command));
  }
  schema
    .command("report")
    .description("JSON Schema of `report --format json`")
    .action((_opts: unknown, command: Command) => print(reportJsonSchema(), command));
}
