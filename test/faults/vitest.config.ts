// The fault suite: the lean endpoint under load while its database is stopped, frozen and
// restarted and a PHP worker is killed. It stops its database, so it has its own MariaDB and
// WordPress (state in .wp-faults/, port LEADTRAIL_FAULTS_PORT) and never touches the e2e site.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Read by test/harness/paths.mjs when it is first imported, here and in the test workers.
process.env.LEADTRAIL_STATE_DIR ??= path.join(root, '.wp-faults');

export default defineConfig({
  root,
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    env: { LEADTRAIL_STATE_DIR: process.env.LEADTRAIL_STATE_DIR },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
