import { defineConfig } from "vitest/config";

/** The browser tests: headless Chromium (/usr/bin/chromium) opens the HTML reports. `npm run test:browser`. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.test.ts"],
    testTimeout: 60000,
    hookTimeout: 60000,
    pool: "forks",
    setupFiles: ["test/setup-full-path.ts"],
  },
});
