// Import rules of the layout (STYLE.md): `npm run lint` runs them; `npx depcruise src` prints violations.
const COMMANDS = "report|score|check|compare|assess|init|import";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "src/core imports only src/core and zod: no node:*, no io, no other npm package.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: ["^src/core/", "(^|/)node_modules/zod/"] },
    },
    {
      name: "shared-never-imports-a-command",
      comment: "src/io, src/i18n and src/render serve every command: they never import a command folder or src/cli.",
      severity: "error",
      from: { path: "^src/(io|i18n|render)/" },
      to: { path: `^src/(${COMMANDS}|cli)/` },
    },
    {
      name: "command-never-imports-another-command",
      comment: "A command folder imports core, io, i18n, render and itself; never another command folder.",
      severity: "error",
      from: { path: `^src/(${COMMANDS})/` },
      to: { path: `^src/(${COMMANDS})/`, pathNot: "^src/$1/" },
    },
    {
      name: "command-never-imports-cli",
      comment: "The CLI calls a command's run; a command never reaches back into src/cli.",
      severity: "error",
      from: { path: `^src/(${COMMANDS})/` },
      to: { path: "^src/cli/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles. The full path's modules are loaded on first need (src/io/full-path.ts) and import the fast path's modules back: a cycle through that dynamic import, or through a type-only import, is not a cycle of modules loaded at start.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["dynamic-import", "type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every import resolves (type-only imports of @types packages, such as `sarif`, have no module to resolve).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, pathNot: "^sarif$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".js", ".json"] },
  },
};
