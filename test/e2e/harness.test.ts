// The harness: `npm run wp:up` is idempotent and `npm run wp:down` leaves no process behind. Runs the
// real npm scripts in a scratch state folder and port, apart from the suite's own site.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wordpressTree } from '../harness/wordpress-source.mjs';
import { e2eSite } from './lib/site';

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadtrail-harness-'));
const port = e2eSite().port + 2;
// The same WordPress as the suite's site, as the folder it is already unpacked in: not unpacked again.
const env = { ...process.env, LEADTRAIL_STATE_DIR: stateDir, LEADTRAIL_PORT: String(port), LEADTRAIL_WORDPRESS: wordpressTree() };

function npm(script: string) {
  const result = spawnSync('npm', ['run', '--silent', script], { env, encoding: 'utf8' });
  expect(result.status, `${script} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Processes whose command line names the scratch folder (php -S and mariadbd do). */
function processesOfState(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
        return cmdline.includes(stateDir) && state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  spawnSync('npm', ['run', '--silent', 'wp:down'], { env });
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('wp:up and wp:down', () => {
  it('wp:up twice reuses what runs, and wp:down stops it all', async () => {
    const first = npm('wp:up');
    expect(first).toContain(`http://127.0.0.1:${port}/leadtrail-demo/`);
    const running = processesOfState().sort((a, b) => a - b);
    expect(running.length).toBeGreaterThanOrEqual(2);
    const page = await fetch(`http://127.0.0.1:${port}/leadtrail-demo/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('setCsAccount');

    const second = npm('wp:up');
    expect(second).toContain('already up');
    expect(processesOfState().sort((a, b) => a - b)).toEqual(running);

    npm('wp:down');
    expect(processesOfState()).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow('fetch failed');
    // wp:up checks the machine, builds the runtime and installs a site: past a minute on two busy cores.
  }, 180_000);
});
