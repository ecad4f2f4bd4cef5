import { createHash } from "node:crypto";

/**
 * A stable fingerprint of a finding from what identifies it (rule, file from the repository root,
 * agency, criterion or dimension), not from its line: code scanning and GitLab keep tracking it when
 * lines move, and see it as new only when it is.
 */
export function fingerprint(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}
