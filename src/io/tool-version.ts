import { readFileSync } from "node:fs";

let cached: string | undefined;

/** The tool's version from package.json (two folders up from dist/io, src/io and dist/bundle alike). */
export function toolVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
      cached = typeof pkg.version === "string" ? pkg.version : "0.0.0";
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}

/** The same, under the name the check command uses. */
export const readToolVersion = toolVersion;
