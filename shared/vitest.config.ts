import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  define: { __LEADTRAIL_VERSION__: JSON.stringify(pkg.version) },
  // The widgets are Preact (as in build.mjs).
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'https://shop.example/catalog/?utm_source=test' } },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/checks.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
