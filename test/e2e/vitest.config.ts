// End to end: a real WordPress on a real MariaDB (the harness), driven by Debian's Chromium.
import fs from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { sharedPlugins } from '../harness/paths.mjs';

// The released form plugins' tests need their zips (test/harness/paths.mjs): a machine without them
// leaves those files out, with one line, rather than counting their tests as skipped (failed).
const realPluginFiles = ['test/e2e/capture-real-plugins.test.ts', 'test/e2e/capture-real-woocommerce.test.ts'];
const withoutPlugins = !fs.existsSync(sharedPlugins);
if (withoutPlugins) console.warn(`[leadtrail] left out, no released plugins in ${sharedPlugins}: ${realPluginFiles.join(', ')}`);

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(withoutPlugins ? realPluginFiles : [])],
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
