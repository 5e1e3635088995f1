// Unit tests of every workspace and of the build's output; the end-to-end suite has its own config (test/e2e).
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared/vitest.config.ts', 'extension/vitest.config.ts', 'wp-plugin/admin-src/vitest.config.ts', 'test/build/vitest.config.ts'],
    // Worker threads start faster than processes, and Vitest's default (one core fewer than the
    // machine has) would leave one of a 2-core CI machine's cores idle: about 20 s of the unit run.
    pool: 'threads',
    maxWorkers: os.availableParallelism(),
  },
});
