import { mkdir, rename } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The lead's top-level build collects release artefacts in <repo>/dist.
const releaseDir = resolve(import.meta.dirname, '../dist');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Firefox gets MV3 too: MAIN-world content scripts (the page hook) need MV3 there (Firefox 128+).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'LeadTrail Inspector',
    description: 'See and drive the CoMagic JS API on any page: runtime, credentials, calls, tracking traffic.',
    permissions: ['storage', 'webRequest', 'webNavigation'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'LeadTrail Inspector' },
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
    'zip:extension:done': async (_wxt, zipPath) => {
      await mkdir(releaseDir, { recursive: true });
      await rename(zipPath, resolve(releaseDir, basename(zipPath)));
    },
  },
});
