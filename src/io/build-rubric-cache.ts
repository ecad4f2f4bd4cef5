// Build step (npm run build): validates every built-in rubric and caches it as JSON (see rubric-cache.ts).
import { readFileSync, rmSync } from "node:fs";
import { builtinRubrics, loadRubricFile } from "./rubric-load.js";
import { RUBRIC_CACHE_DIR, storeRubric } from "./rubric-cache.js";
import { loadFullPath } from "./full-path.js";

// The rubrics are read on the full path (the cache is what spares every later run from it).
await loadFullPath();

rmSync(RUBRIC_CACHE_DIR, { recursive: true, force: true });
let failed = false;
for (const [id, file] of builtinRubrics()) {
  const loaded = loadRubricFile(file);
  if (loaded.raw === undefined || loaded.rubric?.digest === undefined) {
    failed = true;
    for (const p of loaded.problems) process.stderr.write(`${p.file}:${p.line}:${p.column}  error  ${p.code}  ${p.message}\n`);
    continue;
  }
  storeRubric(file, readFileSync(file, "utf8").replace(/^\uFEFF/, ""), loaded.raw, loaded.rubric.digest);
  process.stdout.write(`rubric cache: ${id}\n`);
}
// A broken rubric does not stop the build: it is simply not cached, and the tests that validate every
// built-in rubric fail with its problems.
void failed;
