/**
 * The prompts the interactive assessment needs, behind a small interface: the question flow talks
 * only to a `PromptPort`, so that tests drive it with a scripted one and the terminal one
 * (inquirer) stays in a single file.
 */

/** A choice of a scrolling list. */
export interface ListChoice<T> {
  name: string;
  value: T;
}

export interface TextOptions {
  /** Shown and used when the consultant presses Enter on an empty line. */
  default?: string;
  /** true to accept, or the reason the text is refused, in the session's language (the prompt asks again). */
  validate?: (text: string) => true | string;
}

export interface PromptPort {
  /** A long list to scroll through (dimensions). */
  list<T>(message: string, choices: readonly ListChoice<T>[], initial?: T): Promise<T>;
  /** A line of text: answers, keys, evidence, notes. */
  text(message: string, options?: TextOptions): Promise<string>;
  /** Prints lines to the consultant (already made terminal-safe by the caller; the port wraps them). */
  say(text: string): void;
  /** How many lines the terminal shows at once (the review pages by it). */
  readonly rows: number;
  /** How many columns it has (long lines wrap: the review counts the rows they take). */
  readonly columns: number;
}

/** Thrown by a port when the consultant interrupts (Ctrl-C, a closed terminal). */
export class PromptInterrupted extends Error {
  constructor(message = "interrupted") {
    super(message);
    this.name = "PromptInterrupted";
  }
}
