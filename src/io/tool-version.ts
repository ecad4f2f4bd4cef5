import { readFileSync } from "node:fs";

let cached: { version: string; homepage: string | undefined } | undefined;

/** The tool's package.json fields the outputs name (two folders up from dist/io, src/io and dist/bundle alike). */
function toolPackage(): { version: string; homepage: string | undefined } {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown; homepage?: unknown };
      cached = { version: typeof pkg.version === "string" ? pkg.version : "0.0.0", homepage: typeof pkg.homepage === "string" && /^https:\/\/\S+$/.test(pkg.homepage) ? pkg.homepage : undefined };
    } catch {
      cached = { version: "0.0.0", homepage: undefined };
    }
  }
  return cached;
}

/** The tool's version from package.json. */
export function toolVersion(): string {
  return toolPackage().version;
}

/** The tool's home page (package.json `homepage`, an https URL), when it has one: the one source of the project's URL in outputs. */
export function toolHomepage(): string | undefined {
  return toolPackage().homepage;
}

/** The same, under the name the check command uses. */
export const readToolVersion = toolVersion;
