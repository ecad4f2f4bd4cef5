// npm run bench: speed figures as ratios to a floor measured in the same run.
// Each section is a module exporting `run()`, which prints its own lines.
const sections = ["./startup.js", "./batch.js", "./csv.js"];
const only = process.argv[2];
for (const section of sections) {
  if (only && !section.includes(only)) continue;
  const { run } = await import(section);
  await run();
}
