// Bundles the CLI into dist/bundle/ (one file per entry, shared chunks, minified). Loading a few
// bundled files instead of some 300 separate modules more than halves the start-up of a command:
// see `npm run bench`. The library entry (dist/index.js) stays unbundled, with its type declarations.
import { build } from "esbuild";

await build({
  entryPoints: { main: "src/cli/main.ts", worker: "src/score/worker.ts" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // EGOV_BUNDLE_NAMES=1 keeps function names, for a readable CPU profile (node --cpu-prof).
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: process.env.EGOV_BUNDLE_NAMES !== "1",
  legalComments: "linked",
  logLevel: "warning",
  // CommonJS dependencies (cli-table3) call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
