import { readFileSync } from "node:fs";

/** The tool's version from package.json (the same depth from src/io, dist/io and dist/bundle). */
export function readToolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}
