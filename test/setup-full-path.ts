// In-process tests call the loaders directly, as the library does: the full path is loaded first, as
// the library entry and every command but `score` do (io/full-path.ts). test/io/full-path.test.ts
// covers the batch before it is loaded.
import { loadFullPath } from "../src/io/full-path.js";

await loadFullPath();
