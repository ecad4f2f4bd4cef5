import { Command, CommanderError, Option } from "commander";
import { InputError, UsageError } from "../core/problems.js";
import { printProblems, toolVersion } from "./output.js";
import { registerInit } from "./init.js";
import { registerReport } from "./report.js";
import { registerRubric } from "./rubric.js";
import { registerSchema } from "./schema.js";
import { registerValidate } from "./validate.js";

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, violation: 1, invalid: 2, interrupted: 130 } as const;

/** Builds the command-line program with every command registered. */
export function buildProgram(): Command {
  const program = new Command("egov-maturity");
  program
    .description("Score a government agency's e-government maturity against a YAML rubric and print a gap report.")
    .version(toolVersion(), "-V, --version", "print the version")
    .addOption(new Option("-o, --output <file>", "write the output to a file (atomically) instead of stdout"))
    .addOption(new Option("--lang <code>", "language of the report's texts (default: the assessment's, else the rubric's first)"))
    .addOption(new Option("--no-color", "no colour (also: NO_COLOR=1; FORCE_COLOR=1 forces it)"))
    .addOption(new Option("-q, --quiet", "print only results and errors"))
    .addOption(new Option("--debug", "print a stack trace for unexpected errors"))
    .showHelpAfterError("(add --help for usage and examples)")
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity report examples/passport-directorate.yaml
  $ egov-maturity report examples/municipality-north.yaml --lang ar --format json
  $ egov-maturity validate examples/ rubrics/
  $ egov-maturity rubric show egov-maturity
  $ egov-maturity init --agency moh --output moh.yaml

Exit codes: 0 success · 1 policy violation (check) · 2 invalid input or usage · 130 interrupted`,
    );
  registerReport(program);
  registerValidate(program);
  registerInit(program);
  registerRubric(program);
  registerSchema(program);
  return program;
}

/** Runs the CLI with `args`; sets the exit code; never throws. */
export async function run(args: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  process.on("SIGINT", () => process.exit(EXIT.interrupted));
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    process.exitCode = exitCodeFor(error, args.includes("--debug"));
  }
}

function exitCodeFor(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
    return EXIT.invalid;
  }
  if (error instanceof InputError) {
    printProblems(error.problems);
    return EXIT.invalid;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n${error.hint ? `    ${error.hint}\n` : ""}`);
    return EXIT.invalid;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    // A file-system error while writing output: say what and where, no stack trace.
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.invalid;
  }
  if (debug) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  else process.stderr.write(`internal error: ${(error as Error)?.message ?? String(error)}\n    this is a bug in egov-maturity; run again with --debug for the stack trace and report it\n`);
  return 70;
}
