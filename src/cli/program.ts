import { Command, CommanderError, Option } from "commander";
import { InputError, UsageError } from "../core/problems.js";
import { loadFullPath } from "../io/full-path.js";
import { resolveRubricRef } from "../io/rubric-load.js";
import { printProblems, toolVersion } from "./output.js";
import { parseLang } from "./common.js";
import { WriteError } from "../io/write.js";

type Register = (program: Command) => void;

/**
 * Every command: its name and how to load its module. Only the command being run is loaded (start-up
 * time: a command's dependencies, such as the prompt library or the HTML renderer, are not loaded for
 * another); `--help` and unknown commands load them all. Keep the help order here.
 */
const COMMANDS: [name: string, load: () => Promise<Register>][] = [
  ["report", async () => (await import("./report.js")).registerReport],
  ["score", async () => (await import("./score.js")).registerScore],
  ["validate", async () => (await import("./validate.js")).registerValidate],
  ["check", async () => (await import("./check.js")).registerCheck],
  ["init", async () => (await import("./init.js")).registerInit],
  ["rubric", async () => (await import("./rubric.js")).registerRubric],
  ["schema", async () => (await import("./schema.js")).registerSchema],
  ["assess", async () => (await import("./assess.js")).registerAssess],
  ["compare", async () => (await import("./compare.js")).registerCompare],
  ["import", async () => (await import("./import.js")).registerImport],
];

/** The options of every command, given before the command name or after it. */
function globalOptions(): Option[] {
  return [
    new Option("-o, --output <file>", "write the output to a file (atomically) instead of stdout"),
    new Option("--rubric-root <dir>", "the folder that `rubric:` paths in input files must lead into (default: the working folder)"),
    new Option("--lang <code>", "language of the report's texts (default: the assessment's, else the rubric's first)").argParser(parseLang),
    new Option("--no-color", "no colour (also: NO_COLOR=1; FORCE_COLOR=1 forces it)"),
    new Option("-q, --quiet", "print only results and errors"),
    new Option("--debug", "print a stack trace for unexpected errors"),
  ];
}

/**
 * The command a command line runs: its first word that is neither an option nor the value of a global
 * option (`--lang ar score` runs score, not "ar"); undefined when there is none (then every command
 * is loaded, for the help or the unknown-command error). Only that command's module is loaded, so
 * global options mean the same before the command name as after it.
 */
export function commandName(args: readonly string[]): string | undefined {
  const takesValue = new Set(globalOptions().filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long]).filter((f) => f !== undefined));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return undefined;
    if (!arg.startsWith("-")) return arg;
    if (takesValue.has(arg)) i++;
  }
  return undefined;
}

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, violation: 1, invalid: 2, interrupted: 130 } as const;

/** Builds the command-line program with the named command registered, or every command. */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command("egov-maturity");
  program
    .description("Score a government agency's e-government maturity against a YAML rubric and print a gap report.")
    .version(toolVersion(), "-V, --version", "print the version")
    .showHelpAfterError("(add --help for usage and examples)")
    .configureHelp({
      showGlobalOptions: true,
      sortSubcommands: false,
      // Name and arguments only ("[options]" is on every command): a narrow first column lets the
      // descriptions wrap within 80 columns.
      subcommandTerm: (cmd) => [cmd.name(), ...cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? "..." : ""}>` : `[${a.name()}${a.variadic ? "..." : ""}]`))].join(" "),
    })
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity report examples/passport-directorate.yaml
  $ egov-maturity report examples/municipality-north.yaml --format json
  $ egov-maturity score examples/*.yaml --group-by sector
  $ egov-maturity check examples/ci/assessments/ --min-stage interaction
  $ egov-maturity compare examples/history/*.yaml
  $ egov-maturity assess --out moh.yaml
  $ egov-maturity init --agency moh --output moh.yaml
  $ egov-maturity validate examples/ rubrics/
  $ egov-maturity rubric show egov-maturity

Exit codes: 0 success · 1 policy violation (check) · 2 invalid input or usage
            130 interrupted`,
    );
  for (const option of globalOptions()) program.addOption(option);
  // A --rubric that cannot be resolved is a usage error, named as such, before any file is read.
  program.hook("preAction", (_program, action) => {
    const ref = action.opts<{ rubric?: unknown }>().rubric;
    if (typeof ref !== "string") return;
    const resolved = resolveRubricRef(ref, process.cwd());
    if (resolved.problem) throw new UsageError(`--rubric ${ref}: ${resolved.problem.message}`, resolved.problem.hint);
  });
  const wanted = COMMANDS.filter(([name]) => name === only);
  for (const [, load] of wanted.length > 0 ? wanted : COMMANDS) (await load())(program);
  return program;
}

/** Runs the CLI with `args`; sets the exit code; never throws. */
export async function run(args: string[]): Promise<void> {
  const name = commandName(args);
  // Every command but `score` reads through the full path (positions for its lines, zod to word a
  // problem): loaded now. `score` loads it when its batch needs it (score/pool.ts), so that scoring a
  // few valid files starts sooner. The two are loaded at once: their modules compile side by side.
  const [program] = await Promise.all([buildProgram(name), name !== "score" ? loadFullPath() : undefined]);
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
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
    // Help shown because no command (or subcommand) was given: a usage error.
    if (error.code === "commander.help") return EXIT.invalid;
    return EXIT.invalid;
  }
  if (error instanceof InputError) {
    printProblems(error.problems);
    return EXIT.invalid;
  }
  if (error instanceof WriteError) {
    printProblems([error.problem]);
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
