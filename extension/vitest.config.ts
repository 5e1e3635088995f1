import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = import.meta.dirname;

export default defineConfig({
  // `root` is explicit so `vitest --root extension` from the repository root finds wxt.config.ts.
  plugins: [WxtVitest({ root })],
  test: { root, include: ['**/*.test.ts', '**/*.test.tsx'], exclude: ['node_modules/**', '.output/**'] },
});
