import { readFileSync } from "node:fs";

let cached: string | undefined;

/** The tool's version from package.json (two folders up from dist/io, src/io and dist/bundle alike). */
export function toolVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
