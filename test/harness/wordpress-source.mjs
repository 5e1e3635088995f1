// Which WordPress the harness sites run: LEADTRAIL_WORDPRESS (a folder or an archive), else the shared
// release archive, else Debian's package. Archives are unpacked once into a cache in the state dir.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { debianWordPress, sharedWordPress, wordpressCache } from './paths.mjs';
import { run } from './processes.mjs';
import { step } from './log.mjs';

const archive = /\.(tar\.gz|tgz|tar|zip)$/;

/** @returns {{origin: string, path: string}} where the WordPress comes from, and why that one */
export function wordpressSource() {
  const given = process.env.LEADTRAIL_WORDPRESS;
  if (given) {
    const file = path.resolve(given);
    const isFolder = fs.existsSync(file) && fs.statSync(file).isDirectory();
    if (!isFolder && !(fs.existsSync(file) && archive.test(file))) {
      throw new Error(`LEADTRAIL_WORDPRESS must be a WordPress folder or a .tar.gz/.zip archive of one, got "${given}"`);
    }
    return { origin: 'LEADTRAIL_WORDPRESS', path: file };
  }
  if (fs.existsSync(sharedWordPress)) return { origin: 'the shared release archive', path: sharedWordPress };
  return { origin: "Debian's wordpress package", path: debianWordPress };
}

/** The WordPress tree to copy into a site: the folder itself, or the archive unpacked into the cache. */
export function wordpressTree(source = wordpressSource()) {
  if (fs.statSync(source.path).isDirectory()) return checked(source.path);
  const stat = fs.statSync(source.path);
  const id = crypto.createHash('sha256').update(`${source.path}:${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 12);
  const target = path.join(wordpressCache, `${path.basename(source.path).replace(archive, '')}-${id}`);
  if (fs.existsSync(target)) return checked(target);
  step(`Unpacking ${path.basename(source.path)} into ${wordpressCache} (once)`);
  // Unpacked beside the target and renamed, so that an interrupted unpack is never taken as done.
  const scratch = `${target}.unpacking-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  if (source.path.endsWith('.zip')) run('unzip', ['-q', source.path, '-d', scratch]);
  else run('tar', ['-xf', source.path, '-C', scratch]);
  // Release archives hold one folder, `wordpress/`.
  const entries = fs.readdirSync(scratch);
  const top = entries.length === 1 ? path.join(scratch, entries[0]) : scratch;
  try {
    fs.renameSync(top, target);
  } catch (error) {
    // Another process unpacked the same archive meanwhile: theirs is as good.
    if (!fs.existsSync(target)) throw error;
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  return checked(target);
}

function checked(tree) {
  if (!fs.existsSync(path.join(tree, 'wp-includes', 'version.php'))) {
    throw new Error(`${tree} is not a WordPress tree (no wp-includes/version.php)`);
  }
  return tree;
}

/** `$wp_version` of a WordPress tree, e.g. "7.1". */
export function wordpressVersion(tree) {
  const text = fs.readFileSync(path.join(tree, 'wp-includes', 'version.php'), 'utf8');
  const version = text.match(/\$wp_version\s*=\s*'([^']+)'/)?.[1];
  if (!version) throw new Error(`${tree}/wp-includes/version.php names no $wp_version`);
  return version;
}
