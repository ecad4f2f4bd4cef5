import type { RenderContext } from "./context.js";

/** A text format is a function that returns a string (the CLI alone decides stdout or --output). */
export type Renderer<T> = (data: T, ctx: RenderContext) => string;

/**
 * A binary format (docx, xlsx) returns the file's bytes; the libraries that build them are
 * asynchronous. The CLI refuses to write bytes to a terminal and asks for --output.
 */
export type BinaryRenderer<T> = (data: T, ctx: RenderContext) => Promise<Uint8Array>;
