// A visitor in Chromium on the harness site: a page whose runtime is ready, and what it logs.
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { siteUrl } from './wp';

export type Credentials = {
  site_key: string;
  key: string;
  uri: string;
  visitor_id: number;
  hit_id: number;
  session_id: number;
  consultant_server_url: string;
  comagic_id: string;
};

export const demoUrl = () => `${siteUrl()}/leadtrail-demo/`;

/**
 * In the page (passed to `page.evaluate`): the credentials, once `window.Comagic` is there. It appears
 * with the first hit answer, so a test waits for it as the sites that poll for it do.
 */
export function whenReady(): Promise<unknown> {
  return new Promise((resolve) => {
    const poll = () => ((window as any).Comagic ? resolve((window as any).Comagic.ready) : setTimeout(poll, 20));
    poll();
  });
}

export async function openReadyPage(context: BrowserContext, url = demoUrl()): Promise<{ page: Page; credentials: Credentials }> {
  const page = await context.newPage();
  await page.goto(url);
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  return { page, credentials };
}

export async function newVisitor(browser: Browser) {
  const context = await browser.newContext();
  return { context, ...(await openReadyPage(context)) };
}

/**
 * Runs code as a page would (a classic script, verbatim) and returns the first value it logs with
 * console.log: the seed's examples answer through `function(resp){console.log(resp)}`.
 */
export async function runLogged(page: Page, code: string): Promise<unknown> {
  const logged = new Promise<ConsoleMessage>((resolve) => {
    const listener = (message: ConsoleMessage) => {
      if (message.type() !== 'log') return;
      page.off('console', listener);
      resolve(message);
    };
    page.on('console', listener);
  });
  await page.addScriptTag({ content: code });
  const message = await logged;
  return message.args()[0]?.jsonValue();
}
