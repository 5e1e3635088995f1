// dist/leadtrail.zip (`npm run build`, which `npm test` runs first) holds what a site needs,
// translations included, and none of the development files.
import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../harness/paths.mjs';
import { unzip } from '../e2e/lib/zip';

const zip = path.join(root, 'dist', 'leadtrail.zip');

describe('the plugin zip', () => {
  const names = () => {
    expect(fs.existsSync(zip), 'run `npm run build` first').toBe(true);
    return [...unzip(fs.readFileSync(zip)).keys()];
  };

  it('holds the Russian .mo, the overview script’s JSON named as WordPress looks for it, and the .pot', () => {
    const files = names();
    const md5 = crypto.createHash('md5').update('build/overview/index.js').digest('hex');
    expect(files).toContain('leadtrail/languages/leadtrail-ru_RU.mo');
    expect(files).toContain(`leadtrail/languages/leadtrail-ru_RU-${md5}.json`);
    expect(files).toContain('leadtrail/languages/leadtrail.pot');
    expect(files).toContain('leadtrail/build/overview/index.js');
    expect(files).toContain('leadtrail/build/widget-texts.php');
  });

  it('holds no development files: tests, script sources, tool configs, Composer or npm files', () => {
    const development = names().filter(
      (name) =>
        /^leadtrail\/(tests|admin-src|vendor|node_modules)\//.test(name) ||
        /(^|\/)(composer\.(json|lock)|package(-lock)?\.json|phpcs\.xml(\.dist)?|phpstan\.neon(\.dist)?|phpunit\.xml(\.dist)?|\.gitignore|\.editorconfig)$/.test(
          name,
        ),
    );
    expect(development).toEqual([]);
  });
});
