// Installs what a fresh Debian machine lacks: Debian packages (as root) and node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, debianWordPress } from './paths.mjs';
import { step, timed } from './log.mjs';

// What each Debian package gives us, checked by a file it installs (ENV.md lists the set).
const debianPackages = [
  ['php-cli', '/usr/bin/php'],
  ['php-mysql', '/usr/share/php8.2-mysql'],
  ['php-mbstring', '/usr/share/php8.2-mbstring'],
  ['php-xml', '/usr/share/php8.2-xml'],
  ['php-curl', '/usr/share/php8.2-curl'],
  ['php-gd', '/usr/share/php8.2-gd'],
  // WordPress's personal data export writes its file with ZipArchive.
  ['php-zip', '/usr/share/php8.2-zip'],
  ['mariadb-server', '/usr/sbin/mariadbd'],
  ['mariadb-client', '/usr/bin/mariadb'],
  ['wordpress', `${debianWordPress}/wp-load.php`],
  ['wordpress-theme-twentytwentyone', `${debianWordPress}/wp-content/themes/twentytwentyone/style.css`],
  ['phpunit', '/usr/bin/phpunit'],
  // The lint's PHP_CodeSniffer, WordPress Coding Standards and PHPStan come from Packagist (composer.json).
  ['composer', '/usr/bin/composer'],
  ['chromium', '/usr/bin/chromium'],
  ['firefox-esr', '/usr/bin/firefox-esr'],
  ['zip', '/usr/bin/zip'],
  // The build's translations: xgettext makes the .pot, msgfmt the .mo.
  ['gettext', '/usr/bin/msgfmt'],
];

async function ensureSystemPackages() {
  const missing = debianPackages.filter(([, file]) => !fs.existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}.\n` +
        `Run as root, or install them first:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  await timed(`Installing Debian packages (${missing.join(', ')}); about a minute`, async () => {
    apt(['update', '-q']);
    apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
  });
}

function apt(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
}

/** `npm ci` when node_modules is missing or older than the lock file. */
async function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  await timed('Installing npm packages (npm ci)', async () => {
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ci failed (exit ${result.status})`);
  });
}

/** `composer install` of the development tools (composer.json) when vendor/ is missing or older. */
export async function ensureComposerPackages() {
  const manifest = path.join(root, 'composer.json');
  const installed = path.join(root, 'vendor', 'composer', 'installed.json');
  const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(manifest).mtimeMs;
  if (fresh) return;
  await timed('Installing the PHP development tools (composer install)', async () => {
    const result = spawnSync('composer', ['install', '--no-interaction', '--no-progress'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`composer install failed (exit ${result.status})`);
  });
}

export async function ensureAll() {
  step('Checking the machine');
  await ensureSystemPackages();
  await ensureNodeModules();
}
