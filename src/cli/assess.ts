import { existsSync } from "node:fs";
import { basename, dirname, extname, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { AssessmentDraft } from "../assess/draft.js";
import { criteriaInOrder, resumePosition, runQuestions } from "../assess/flow.js";
import { inquirerPort } from "../assess/inquirer-port.js";
import { PromptInterrupted } from "../assess/port.js";
import type { Session } from "../assess/session.js";
import { askHeader } from "../assess/setup.js";
import { openDraft, resumeCommand } from "../assess/resume.js";
import { InputError, UsageError } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { score } from "../core/score.js";
import { isRubricPath, loadRubric } from "../io/rubric-load.js";
import { terminalLine, textOf } from "../render/context.js";
import { plural, t } from "../i18n/index.js";
import { renderReportTable } from "../report/formats/table.js";
import { chooseLanguage, optionsOf, rubricOption } from "./common.js";
import { renderContext } from "./output.js";

interface AssessOptions {
  rubric?: string;
  out?: string;
  resume?: string | boolean;
}

const DEFAULT_RUBRIC = "egov-maturity@2";

/** How the new file names its rubric: an id as given, a path relative to the file's folder. */
function rubricRefFor(ref: string, file: string): string {
  if (!isRubricPath(ref)) return ref;
  const rel = relative(dirname(resolve(file)), resolve(ref)).split(sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** `assess`: the interactive assessment of one agency, saved answer by answer. */
export function registerAssess(program: Command): void {
  program
    .command("assess")
    .summary("interactive assessment, saved as you go")
    .description("walk through the rubric with an agency, question by question; every answer is saved to the file at once")
    .addOption(rubricOption(`rubric id or path (default: ${DEFAULT_RUBRIC}); a resumed file keeps its own`))
    .option("--out <file>", "the assessment file to write (default: asked, <agency-id>.yaml); --output does the same")
    .option("--resume [file]", "continue an assessment file where the session stopped (then the skipped criteria), or revise a finished one (the file, or --out's)")
    .addHelpText(
      "after",
      `
One line per question: the answer, then (optional) evidence, then (optional) "; note":
  3                              a level of the scale (exactly: 5 at a 0-4 scale is refused)
  3 https://example.org/x ; text level 3, a URL as evidence (dated today), and a note
  3 e                            level 3, then the full evidence editor
  y / n    yes or no             62   a number (within the criterion's admissible range)
  a REASON not applicable, with the reason
Keys: s or Enter skip (keep) · b back · j jump to a dimension · r review and finish
      e evidence editor · ? help.  Digits ٠-٩ / ۰-۹ and an Arabic keyboard's
      letters on the same keys (ش س لا ت ق ث) work too.
The review pages a screenful at a time; type a criterion's number or id to revise it.
Every answer is saved at once, and the file's session: block records where you are:
--resume continues there, then offers the skipped criteria.

Examples:
  $ egov-maturity assess --out moh.yaml
  $ egov-maturity assess --lang ar --out north-municipality.yaml
  $ egov-maturity assess --resume moh.yaml
  $ egov-maturity assess --rubric ./my-rubric.yaml --out agency.yaml
Needs a terminal; for a file to fill in an editor: egov-maturity init --output agency.yaml`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const options = optionsOf<AssessOptions>(command);
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new UsageError("assess needs a terminal: it asks its questions one by one", "for a file to fill in by hand: `egov-maturity init --output agency.yaml`, then `egov-maturity report agency.yaml`");
      }
      const out = options.out ?? options.output;
      const resumeFile = typeof options.resume === "string" ? options.resume : options.resume === true ? out : undefined;
      if (options.resume === true && out === undefined) throw new UsageError("--resume needs the file to continue", "`egov-maturity assess --resume agency.yaml`");

      let draft: AssessmentDraft | undefined;
      let rubric: Rubric;
      let lang: string;
      if (resumeFile !== undefined) {
        if (options.rubric !== undefined) throw new UsageError("--rubric does not go with --resume: the file names its rubric", "to change it, edit the file's `rubric:` line");
        draft = openDraft(resumeFile, options);
        rubric = draft.rubric;
        lang = chooseLanguage(options.lang, rubric, draft.assessment());
      } else {
        if (out !== undefined && existsSync(out)) throw new UsageError(`${out} exists`, `continue it with \`${resumeCommand("assess --resume", out, options)}\`, or choose another --out`);
        const ref = options.rubric ?? DEFAULT_RUBRIC;
        const loaded = loadRubric(ref);
        if (loaded.problem) throw new InputError([{ ...loaded.problem, severity: "error", file: ref, line: 1, column: 1 }]);
        if (!loaded.rubric) throw new InputError(loaded.problems);
        rubric = loaded.rubric;
        lang = chooseLanguage(options.lang, rubric);
      }
      const port = inquirerPort(lang);
      const stderr = (text: string) => {
        try {
          process.stderr.write(`${text}\n`);
        } catch {
          // the terminal is gone
        }
      };
      const interruptedMessage = () =>
        draft === undefined ? t(lang, "assess.interruptedEarly") : t(lang, "assess.interrupted", { file: terminalLine(draft.file), command: terminalLine(resumeCommand("assess --resume", draft.file, options)) });
      let told = false;
      const tell = () => {
        if (told) return;
        told = true;
        stderr(`\n${interruptedMessage()}`);
      };
      // SIGHUP, SIGTERM: the prompt is rejected and cleans its lines first (the
      // catch below tells where the file is); this is the fallback when no prompt was open.
      const onSignal = () => {
        setTimeout(() => {
          tell();
          process.exit(130);
        }, 100);
      };
      // Between two prompts the terminal is not in raw mode and Ctrl-C is a real SIGINT: tell, then exit.
      const onInterrupt = () => {
        tell();
        process.exit(130);
      };
      process.on("SIGHUP", onSignal);
      process.on("SIGTERM", onSignal);
      process.prependListener("SIGINT", onInterrupt);
      // A closed terminal ends standard input first: leave at once (readline would fail on the dead terminal).
      process.stdin.prependListener("end", onInterrupt);
      try {
        const session: Session = await (async () => {
          if (draft === undefined) {
            const fromOut = out !== undefined ? basename(out, extname(out)).replace(/[^A-Za-z0-9._-]+/g, "-") : undefined;
            const header = await askHeader(port, lang, { ...(fromOut ? { agencyId: fromOut } : {}), today: today() });
            const file =
              out ??
              (await port.text(t(lang, "assess.fileName"), {
                default: `${header.agencyId}.yaml`,
                validate: (f) => (f.trim() === "" ? t(lang, "assess.fileName") : existsSync(f.trim()) ? t(lang, "assess.fileExists", { command: resumeCommand("assess --resume", f.trim(), options) }) : true),
              })).trim();
            draft = AssessmentDraft.create(file, rubric, { ...header, rubricRef: rubricRefFor(options.rubric ?? DEFAULT_RUBRIC, file), language: lang });
            draft.save();
            port.say(t(lang, "assess.savingTo", { file: terminalLine(file) }));
          }
          const answered = criteriaInOrder({ rubric }).filter((c) => draft!.isAnswered(c.id)).length;
          return { port, draft, rubric, lang, today: today(), now: () => Date.now(), timing: { started: Date.now(), before: draft.sessionState().spent ?? 0, answeredAtStart: answered }, askSummary: true };
        })();
        const total = criteriaInOrder(session).length;
        const start = resumePosition(session);
        if (resumeFile !== undefined) {
          const title = start < total ? terminalLine(textOf(rubric, criteriaInOrder(session)[start]!.title, lang)) : "";
          port.say(start < total ? t(lang, "assess.resumingAt", { file: terminalLine(session.draft.file), n: total - countUnanswered(session), total, title }) : plural(lang, "assess.allAnswered", total));
        }
        await runQuestions(session, start);
        const report = score(rubric, session.draft.assessment());
        process.stdout.write(`\n${renderReportTable(report, renderContext({ ...options, output: undefined }, lang))}`);
        port.say(`\n${t(lang, "assess.savedAt", { file: terminalLine(session.draft.file), command: terminalLine(resumeCommand("report", session.draft.file, options)) })}`);
      } catch (error) {
        if (!(error instanceof PromptInterrupted)) throw error;
        // Let the prompt finish clearing its lines, or it would clear the message too.
        await new Promise((done) => setTimeout(done, 30));
        tell();
        process.exitCode = 130;
      } finally {
        process.off("SIGHUP", onSignal);
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onInterrupt);
        process.stdin.off("end", onInterrupt);
      }
    });
}

function countUnanswered(session: Session): number {
  return criteriaInOrder(session).filter((c) => !session.draft.isAnswered(c.id)).length;
}
