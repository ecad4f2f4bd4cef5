/**
 * The prompts the interactive assessment needs, behind a small interface: the question flow talks
 * only to a `PromptPort`, so that tests drive it with a scripted one and the terminal one
 * (inquirer) stays in a single file.
 */

/** A choice of a keyed menu: the consultant types `key` and Enter (or moves with the arrows). */
export interface MenuChoice<T> {
  key: string;
  name: string;
  value: T;
}

/** A choice of a scrolling list. */
export interface ListChoice<T> {
  name: string;
  value: T;
}

export interface TextOptions {
  /** Shown and used when the consultant presses Enter on an empty line. */
  default?: string;
  /** true to accept, or the reason the text is refused (the prompt asks again). */
  validate?: (text: string) => true | string;
}

export interface PromptPort {
  /** A short menu answered by a key: levels, yes/no, N/A, skip, back, jump, review. */
  menu<T>(message: string, choices: readonly MenuChoice<T>[]): Promise<T>;
  /** A long list to scroll through (criteria, dimensions). */
  list<T>(message: string, choices: readonly ListChoice<T>[], initial?: T): Promise<T>;
  /** A line of text. */
  text(message: string, options?: TextOptions): Promise<string>;
  /** Prints lines to the consultant (already made terminal-safe by the caller). */
  say(text: string): void;
}

/** Thrown by a port when the consultant interrupts (Ctrl-C, a closed terminal). */
export class PromptInterrupted extends Error {
  constructor(message = "interrupted") {
    super(message);
    this.name = "PromptInterrupted";
  }
}
