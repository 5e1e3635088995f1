// End to end: a real WordPress on a real MariaDB (the harness), driven by Debian's Chromium.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    setupFiles: ['test/e2e/php-errors.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One WordPress and two cores: files run one after another, which keeps timings honest.
    fileParallelism: false,
    // inspector-firefox.test.ts drives Firefox over WebDriver BiDi, a WebSocket: Node 20 has the
    // global WebSocket only behind this flag (Node 22 has it always).
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket', '--disable-warning=ExperimentalWarning'] : [],
  },
});
