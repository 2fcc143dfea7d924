/// <reference types="vitest/config" />
// Vitest through Astro's Vite config, so `@/` imports and `astro/zod` resolve as in the build.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build tests run `astro build` in a child process; each file builds once in beforeAll.
    hookTimeout: 300_000,
    testTimeout: 60_000,
    // The JSON report is what .ci/run counts for its closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
