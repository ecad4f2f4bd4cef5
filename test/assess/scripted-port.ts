import type { ListChoice, PromptPort, TextOptions } from "../../src/assess/port.js";

/** One scripted reply: a line of text (as typed), or a list pick by value. */
export type Step = string | { pick: unknown };

/**
 * A PromptPort that answers from a script, as a consultant would type: a text prompt takes the
 * line (an empty line takes the default; a refused line is recorded and the next step is typed
 * instead), a list takes `{pick: value}`. Asking past the end of the script fails.
 */
export class ScriptedPort implements PromptPort {
  readonly said: string[] = [];
  readonly asked: string[] = [];
  readonly refused: { message: string; typed: string; reason: string }[] = [];
  private readonly steps: Step[];

  constructor(
    steps: Step[],
    readonly rows = 200,
    readonly columns = 1000,
  ) {
    this.steps = [...steps];
  }

  get remaining(): number {
    return this.steps.length;
  }

  private next(message: string): Step {
    this.asked.push(message);
    const step = this.steps.shift();
    if (step === undefined) throw new Error(`script exhausted at prompt: ${message}\nlast said: ${this.said.slice(-2).join("\n")}`);
    return step;
  }

  async list<T>(message: string, choices: readonly ListChoice<T>[]): Promise<T> {
    const step = this.next(message);
    if (typeof step === "string") throw new Error(`expected a list pick at "${message}", got ${step}`);
    const choice = choices.find((c) => c.value === step.pick);
    if (choice === undefined) throw new Error(`no list value ${JSON.stringify(step.pick)} at "${message}"`);
    return choice.value;
  }

  async text(message: string, options: TextOptions = {}): Promise<string> {
    for (;;) {
      const step = this.next(message);
      if (typeof step !== "string") throw new Error(`expected text at "${message}"`);
      const typed = step === "" && options.default !== undefined ? options.default : step;
      const verdict = options.validate ? options.validate(typed) : true;
      if (verdict === true) return typed;
      this.refused.push({ message, typed, reason: verdict });
    }
  }

  say(text: string): void {
    this.said.push(text);
  }
}
