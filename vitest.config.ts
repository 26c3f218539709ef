import { defineConfig } from 'vitest/config';

// `npm test`: unit, provider and conformance tests. Tests that start real components (a browser, the Restate
// server, MCP servers, llama.cpp) live in test/integration and run with `npm run test:integration`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/integration/**', '**/node_modules/**'],
    testTimeout: 20_000,
  },
});
