// `npm run build`: the runtime, dist/leadtrail.zip (the plugin as wp-admin installs it), and the
// inspector extension's zips.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, pluginDir } from '../test/harness/paths.mjs';
import { timed, step } from '../test/harness/log.mjs';
import { buildTranslations } from './translations.mjs';

const dist = path.join(root, 'dist');
// Development files that a site never needs.
const excluded = new Set(['tests', 'admin-src', 'phpunit.xml.dist', 'phpcs.xml.dist', 'phpstan.neon.dist', '.gitignore']);

function exec(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/** The wp-admin overview (React, @wordpress/scripts): wp-plugin/admin-src/overview -> wp-plugin/build/overview. */
export async function buildOverview() {
  await timed('Building the overview screen', async () =>
    exec(process.execPath, [
      path.join(root, 'node_modules', '@wordpress', 'scripts', 'bin', 'wp-scripts.js'),
      'build',
      './wp-plugin/admin-src/overview/index.js',
      '--output-path=wp-plugin/build/overview',
    ]),
  );
}

export async function buildPluginZip() {
  const stage = path.join(dist, 'stage');
  const zip = path.join(dist, 'leadtrail.zip');
  await timed('Packing dist/leadtrail.zip', async () => {
    fs.rmSync(stage, { recursive: true, force: true });
    fs.rmSync(zip, { force: true });
    fs.cpSync(pluginDir, path.join(stage, 'leadtrail'), {
      recursive: true,
      filter: (source) => !excluded.has(path.relative(pluginDir, source).split(path.sep)[0]),
    });
    if (!fs.existsSync(path.join(stage, 'leadtrail', 'assets', 'build', 'leadtrail.js'))) {
      throw new Error('the runtime is not built (wp-plugin/assets/build/leadtrail.js is missing)');
    }
    if (!fs.existsSync(path.join(stage, 'leadtrail', 'build', 'overview', 'index.asset.php'))) {
      throw new Error('the overview is not built (wp-plugin/build/overview/index.asset.php is missing)');
    }
    if (!fs.readdirSync(path.join(stage, 'leadtrail', 'languages')).some((name) => name.endsWith('.mo'))) {
      throw new Error('the translations are not built (no .mo in wp-plugin/languages)');
    }
    if (!fs.existsSync(path.join(stage, 'leadtrail', 'build', 'widget-texts.php'))) {
      throw new Error("the widgets' texts are not built (wp-plugin/build/widget-texts.php is missing)");
    }
    exec('zip', ['-q', '-r', '-X', zip, 'leadtrail'], stage);
    fs.rmSync(stage, { recursive: true, force: true });
  });
  step(`dist/leadtrail.zip: ${(fs.statSync(zip).size / 1024).toFixed(1)} KiB`);
}

async function main() {
  fs.mkdirSync(dist, { recursive: true });
  // esbuild strips types without checking them: the strict check runs here, before anything ships.
  await timed('Type-checking the runtime', async () =>
    exec(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'shared/tsconfig.json']),
  );
  await timed('Building the runtime', async () => exec(process.execPath, [path.join(root, 'shared', 'build.mjs')]));
  await buildOverview();
  await timed('Building the translations (.pot, .mo, JSON)', async () => {
    buildTranslations(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
  await buildPluginZip();
  await timed('Building the inspector extension', async () => exec('npm', ['run', 'build', '-w', 'extension']));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`[leadtrail] ${error.message}`);
    process.exit(1);
  });
}
