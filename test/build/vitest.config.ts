// Checks of what the build makes: the translations against the code, and the plugin zip.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'build',
    include: ['**/*.test.ts'],
    environment: 'node',
  },
});
