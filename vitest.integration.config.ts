import { defineConfig } from 'vitest/config';

// `npm run test:integration`: tests against real components started by the tests themselves on 127.0.0.1
// (Chromium, the Restate server, the MCP reference server, llama.cpp). One file at a time: they start processes.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    passWithNoTests: true,
  },
});
