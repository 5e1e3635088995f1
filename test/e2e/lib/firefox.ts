// Debian's Firefox ESR (ENV.md), stock, driven over WebDriver BiDi (./bidi.ts) — Playwright's
// Firefox is a patched build this machine does not have. One headless Firefox on a fresh profile,
// with the release zip of the inspector installed as a temporary add-on.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BiDi } from './bidi';

const firefoxBinary = '/usr/bin/firefox-esr';
/** The gecko id in extension/wxt.config.ts. */
const inspectorGeckoId = 'inspector@leadtrail.dev';

/** A closed network (ENV.md): no first run, updates, telemetry, remote settings or prefetching. */
function userPrefs(uuids: Record<string, string>): Record<string, string | number | boolean> {
  return {
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.tabs.warnOnClose': false,
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.server': '',
    'services.settings.server': 'http://127.0.0.1:9/',
    'browser.region.network.url': '',
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    // The add-on's moz-extension:// host is random per profile unless fixed here.
    'extensions.webextensions.uuids': JSON.stringify(uuids),
  };
}

export interface Firefox {
  bidi: BiDi;
  /** `moz-extension://<uuid>` of the installed inspector. */
  extensionBase: string;
  close(): Promise<void>;
}

/** BiDi's address, from the line Firefox prints once its Remote Agent listens (port 0: no race for a port). */
function bidiAddress(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => done(new Error(`Firefox did not start its WebDriver BiDi server within ${timeoutMs} ms:\n${output.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) done(undefined, match[1]);
    };
    const onExit = (code: number | null) => done(new Error(`Firefox exited (code ${code}) before its BiDi server started:\n${output.slice(-2000)}`));
    function done(error?: Error, url?: string) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes: a full pipe would stall Firefox.
      child.stderr?.resume();
      child.stdout?.resume();
      if (error) reject(error);
      else resolve(url!);
    }
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    // Its own process group (detached): the content processes go with it.
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  signalGroup('SIGKILL');
}

/** Firefox ESR, headless, with the extension zip at `extensionZip` installed (temporarily, unsigned). */
export async function launchFirefox(extensionZip: string): Promise<Firefox> {
  if (!existsSync(firefoxBinary)) {
    throw new Error(`${firefoxBinary} is missing: install Debian's firefox-esr (npm test does, as root: apt-get install -y firefox-esr)`);
  }
  if (!existsSync(extensionZip)) throw new Error(`${extensionZip} is missing: run npm run build`);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'leadtrail-firefox-'));
  const uuid = randomUUID();
  const prefs = Object.entries(userPrefs({ [inspectorGeckoId]: uuid }))
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
  await writeFile(path.join(profile, 'user.js'), prefs);

  const child = spawn(
    firefoxBinary,
    [
      // BiDi navigates only to http(s), file and blob URLs unless system access is allowed: the
      // panel is a moz-extension:// page.
      '--headless',
      '--no-remote',
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
      '--profile',
      profile,
      'about:blank',
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS: '1' },
    },
  );
  // Should the test process end without afterAll (a crash, a kill), Firefox must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  const close = async () => {
    await stop(child);
    process.off('exit', killOnExit);
    await rm(profile, { recursive: true, force: true });
  };
  let bidi: BiDi | undefined;
  try {
    const address = await bidiAddress(child, 90_000);
    bidi = await BiDi.connect(`${address}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const installed = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'archivePath', path: path.resolve(extensionZip) },
    });
    if (installed.extension !== inspectorGeckoId) throw new Error(`installed ${installed.extension}, expected ${inspectorGeckoId}`);
  } catch (error) {
    bidi?.close();
    await close();
    throw error;
  }
  const connection = bidi;
  return {
    bidi: connection,
    extensionBase: `moz-extension://${uuid}`,
    async close() {
      await connection.send('session.end', {}, 10_000).catch(() => undefined);
      connection.close();
      await close();
    },
  };
}
