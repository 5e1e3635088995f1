// Unit tests of every workspace; the end-to-end suite has its own config (test/e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared/vitest.config.ts', 'extension/vitest.config.ts', 'wp-plugin/admin-src/vitest.config.ts'],
  },
});
