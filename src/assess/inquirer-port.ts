import { input, select } from "@inquirer/prompts";
import { t } from "../i18n/index.js";
import { isRtl } from "../render/html-page.js";
import { PromptInterrupted, type ListChoice, type PromptPort, type TextOptions } from "./port.js";
import { forTerminal, isolateLine } from "./screen.js";

/** Inquirer reports Ctrl-C and a closed terminal as ExitPromptError (and an abort as AbortPromptError). */
function interrupted(error: unknown): never {
  if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw new PromptInterrupted(error.message);
  throw error;
}

/**
 * The terminal's prompts: @inquirer/prompts `input` for every answer and key (the flow validates
 * each line itself, so every refusal is in the session's language and names what is allowed), and
 * `select` for the list of dimensions. Printed text is wrapped to the terminal and Arabic lines isolated.
 */
export function inquirerPort(lang: string, out: NodeJS.WriteStream = process.stdout): PromptPort {
  const rtl = isRtl(lang);
  const shape = () => ({ columns: out.columns ?? 80, tty: out.isTTY === true, rtl });
  const line = (text: string) => (out.isTTY === true && rtl ? isolateLine(text) : text);
  return {
    get rows(): number {
      return out.rows ?? 24;
    },
    get columns(): number {
      return out.columns ?? 80;
    },
    async list<T>(message: string, choices: readonly ListChoice<T>[], initial?: T): Promise<T> {
      return select<T>({
        message: line(message),
        choices: choices.map((c) => ({ name: line(c.name), value: c.value })),
        ...(initial !== undefined ? { default: initial } : {}),
        pageSize: Math.max(7, Math.min(20, (out.rows ?? 24) - 6)),
        loop: false,
        theme: { style: { keysHelpTip: () => t(lang, "assess.listHelp") } },
      }).catch(interrupted);
    },
    async text(message: string, options: TextOptions = {}): Promise<string> {
      const validate = options.validate;
      return input({
        message: line(message),
        ...(options.default !== undefined ? { default: options.default } : {}),
        ...(validate !== undefined ? { validate: (text: string) => { const verdict = validate(text); return verdict === true ? true : line(verdict); } } : {}),
        // A refused line is cleared (the refusal quotes what was typed): the next try starts afresh.
        theme: { validationFailureMode: "clear" },
      }).catch(interrupted);
    },
    say(text: string): void {
      out.write(`${forTerminal(text, shape())}\n`);
    },
  };
}
