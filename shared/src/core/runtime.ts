// The runtime's state and the page-view flow: identity in, hit out, answer back, queue open.
import type { Config } from '../config';
import type { Credentials } from '../schemas/credentials';
import type { HitResult } from '../schemas/hit';
import type { Queue } from '../api/queue';
import { createQueue } from '../api/queue';
import { commands, configCommands } from '../api/commands';
import { credentials } from '../api/credentials';
import { forgetVisitor, readVisitor, saveVisitor } from '../identity/visitor';
import { sendHit } from '../transport/hit';
import { syncAll } from '../forms/fields';
import { watchForms } from '../forms/watch';
import { error } from '../util/log';
import { clip } from '../util/text';

export interface Runtime {
  /** The endpoints; undefined leaves the runtime inert. */
  readonly config: Config | undefined;
  /** From `setCsAccount` / `setAccount`; fixed once the hit is sent. */
  siteKey?: string;
  /** From `setCsHost` / `setHost`: kept for tools, the endpoints come from `config`. */
  host?: string;
  /** From `setUIPhoneMaskFormat` (A9), for the sitephone widget. */
  phoneMask?: string;
  /** The last accepted hit answer; undefined until the first one (R1). */
  hit?: HitResult;
  /** True once the page-view hit has gone out. */
  sent: boolean;
  readonly ready: Promise<Credentials>;
  readonly queue: Queue;
  credentials(): Credentials | undefined;
  /** Sends the page-view hit once the page's early commands are in and a site key is known. */
  start(): void;
  /** Stops watching the page's forms (tests; a page that unloads needs nothing). */
  stop(): void;
}

const RETRY_AS_NEW = ['invalid_token', 'unknown_visitor'];

export function createRuntime(config: Config | undefined): Runtime {
  let resolve: (c: Credentials) => void;
  let started = false;
  let first = true;
  let unwatch = () => {};

  const rt = {
    config,
    sent: false,
    ready: new Promise<Credentials>((r) => (resolve = r)),
    credentials: () => credentials(rt),
    start() {
      started = true;
      if (config && rt.siteKey && !rt.sent) {
        rt.sent = true;
        pageView(config, rt.siteKey).catch((e) => error('the page view failed:', e));
      }
    },
    stop: () => unwatch(),
  } as Runtime & { queue: Queue };
  rt.queue = createQueue(configCommands(rt, () => started && rt.start()), commands(rt));

  async function pageView(config: Config, site_key: string, retried?: boolean): Promise<void> {
    const visitor = readVisitor();
    const answer = await sendHit(config, {
      site_key,
      url: clip(location.href, 2048),
      referrer: clip(document.referrer, 2048),
      title: clip(document.title, 512),
      ...visitor,
    });
    if (!answer) return error('the hit endpoint gave no usable answer (tried data-collect, then data-rest).');
    if (answer.success) return accept(answer.result);
    const { code, field, message } = answer.result;
    if (visitor && !retried && RETRY_AS_NEW.includes(code)) {
      forgetVisitor();
      return pageView(config, site_key, true);
    }
    error(`the hit was refused: ${code}${field ? ` (${field})` : ''}${message ? `: ${message}` : ''}`);
  }

  function accept(result: HitResult) {
    rt.hit = result;
    saveVisitor(result);
    const creds = rt.credentials()!;
    syncAll(creds);
    if (first) {
      first = false;
      unwatch = watchForms(rt.credentials);
      rt.queue.open();
      resolve(creds);
    }
  }

  return rt;
}
