// The smoke suite: the oldest WordPress the plugin claims (readme.txt "Requires at least": 6.1, Debian's
// package) gets the essentials: activation, the embed, a hit, a lead, a capture, the screens. Its own
// MariaDB and site (state in .wp-smoke/, port LEADTRAIL_SMOKE_PORT), so it never touches the e2e site.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Read by test/harness/ when it is first imported, here and in the test workers.
process.env.LEADTRAIL_STATE_DIR ??= path.join(root, '.wp-smoke');
process.env.LEADTRAIL_WORDPRESS = '/usr/share/wordpress';

export default defineConfig({
  root,
  test: {
    include: ['test/smoke/**/*.test.ts'],
    globalSetup: ['test/smoke/global-setup.ts'],
    // The same PHP-log guard as the e2e suite: no notice or deprecation from the plugin on 6.1 either.
    setupFiles: ['test/e2e/php-errors.ts'],
    env: { LEADTRAIL_STATE_DIR: process.env.LEADTRAIL_STATE_DIR, LEADTRAIL_WORDPRESS: process.env.LEADTRAIL_WORDPRESS },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
