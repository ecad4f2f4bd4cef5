import { input, rawlist, select } from "@inquirer/prompts";
import { t } from "../i18n/index.js";
import { PromptInterrupted, type ListChoice, type MenuChoice, type PromptPort, type TextOptions } from "./port.js";

/** Inquirer reports Ctrl-C and a closed terminal as ExitPromptError (and an abort as AbortPromptError). */
function interrupted(error: unknown): never {
  if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw new PromptInterrupted(error.message);
  throw error;
}

/** The terminal's prompts: @inquirer/prompts (rawlist for keyed menus, select for lists, input for text). */
export function inquirerPort(lang: string, out: NodeJS.WriteStream = process.stdout): PromptPort {
  return {
    async menu<T>(message: string, choices: readonly MenuChoice<T>[]): Promise<T> {
      return rawlist<T>({ message, choices: choices.map((c) => ({ key: c.key, name: c.name, value: c.value })) }).catch(interrupted);
    },
    async list<T>(message: string, choices: readonly ListChoice<T>[], initial?: T): Promise<T> {
      return select<T>({
        message,
        choices: choices.map((c) => ({ name: c.name, value: c.value })),
        ...(initial !== undefined ? { default: initial } : {}),
        pageSize: Math.max(7, Math.min(20, (out.rows ?? 24) - 6)),
        loop: false,
        theme: { style: { keysHelpTip: () => t(lang, "assess.listHelp") } },
      }).catch(interrupted);
    },
    async text(message: string, options: TextOptions = {}): Promise<string> {
      return input({
        message,
        ...(options.default !== undefined ? { default: options.default } : {}),
        ...(options.validate !== undefined ? { validate: options.validate } : {}),
      }).catch(interrupted);
    },
    say(text: string): void {
      out.write(`${text}\n`);
    },
  };
}
