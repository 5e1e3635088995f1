// The inspector extension as users get it: built by WXT, loaded into Debian's Chromium (ENV.md),
// its panel opened as a plain extension page (DevTools cannot open headless).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { chromiumArgs } from './browser';

/** The few `chrome.*` calls the tests run inside the extension's service worker. */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const extensionRoot = path.join(root, 'extension');
const chromeBuild = path.join(extensionRoot, '.output', 'chrome-mv3');

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestChange(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * The Chrome build, made afresh when a source is newer than it (`npm run build` makes it too; a
 * test run right after that reuses it).
 */
export async function ensureExtensionBuilt(): Promise<string> {
  const sources = ['entrypoints', 'lib', 'public', 'wxt.config.ts', 'package.json'].map((entry) => path.join(extensionRoot, entry));
  const newestSource = Math.max(...(await Promise.all(sources.map(newestChange))));
  const built = await newestChange(path.join(chromeBuild, 'manifest.json'));
  if (built > newestSource) return chromeBuild;
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'chrome'], { cwd: extensionRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`wxt build failed (exit ${result.status})`);
  return chromeBuild;
}

export interface InspectorBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker: runs `chrome.*` calls for the test. */
  background: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionDir: string): Promise<InspectorBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'leadtrail-inspector-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(background.url()).host,
    background,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The browser's id for the tab showing `page` (the panel needs it, as DevTools would give it). */
export async function tabIdOf(inspector: InspectorBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await inspector.background.evaluate(async (wanted: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export function badgeText(inspector: InspectorBrowser, tabId: number): Promise<string> {
  return inspector.background.evaluate((tab: number) => chrome.action.getBadgeText({ tabId: tab }), tabId);
}

/** The DevTools panel's UI, in a tab of its own, inspecting `tabId`. */
export async function openPanel(inspector: InspectorBrowser, tabId: number): Promise<Page> {
  const panel = await inspector.context.newPage();
  await panel.goto(`chrome-extension://${inspector.extensionId}/panel.html?tabId=${tabId}`);
  return panel;
}
