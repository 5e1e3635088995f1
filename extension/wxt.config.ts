import { mkdir, rename } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The lead's top-level build collects release artefacts in <repo>/dist.
const releaseDir = resolve(import.meta.dirname, '../dist');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Firefox gets MV3 too: one manifest for both, with the MAIN-world page hook and storage.session.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        onLog(level, log, handle) {
          // zod ships comments Rollup reads as misplaced purity annotations: harmless, and not ours.
          if (log.code === 'INVALID_ANNOTATION' && log.id?.includes('/node_modules/zod/')) return;
          handle(level, log);
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'LeadTrail Inspector',
    description: 'See and drive the CoMagic JS API on any page: runtime, credentials, calls, tracking traffic.',
    permissions: ['storage', 'webRequest', 'webNavigation'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'LeadTrail Inspector' },
    // MAIN-world content scripts (the page hook) arrived in Chrome 111 and Firefox 128.
    ...(browser !== 'firefox' && { minimum_chrome_version: '111' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'inspector@leadtrail.dev',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  zip: {
    artifactTemplate: 'leadtrail-inspector-{{browser}}.zip',
    // AMO review gets the sources as this repository: the extension builds only inside the npm
    // workspace, so an archive of extension/ alone would not rebuild it.
    zipSources: false,
  },
  hooks: {
    'zip:done': async (wxt, zipPaths) => {
      await mkdir(releaseDir, { recursive: true });
      for (const zipPath of zipPaths) {
        const target = resolve(releaseDir, basename(zipPath));
        await rename(zipPath, target);
        wxt.logger.success(`Moved to ${target}`);
      }
    },
  },
});
