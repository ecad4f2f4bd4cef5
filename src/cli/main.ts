import { readFileSync } from "node:fs";

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// Start-up path: `--version` answers before any dependency is loaded.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else if (args[0] === "score" && !process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) {
  // A batch streams thousands of small results through this thread. V8 grows its young generation
  // with the allocation rate, so memory would grow with the batch; a small one, which can only be set
  // when Node starts, keeps peak memory flat (npm run bench: 20,000 vs 2,000 files). So `score` runs
  // in a child Node with that setting; signals and the exit code pass through.
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [...process.execArgv, "--max-semi-space-size=2", process.argv[1] ?? "", ...args], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 2)));
} else {
  const { run } = await import("./program.js");
  await run(args);
}
