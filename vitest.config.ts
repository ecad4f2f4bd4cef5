import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    testTimeout: 30000,
    pool: "forks",
    setupFiles: ["test/setup-full-path.ts"],
  },
});
