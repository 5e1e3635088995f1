// The runtime's state and the page-view flow: identity in, hit out, answer back, queue open.
import type { Config } from '../config';
import type { Credentials } from '../schemas/credentials';
import type { HitResult } from '../schemas/hit';
import type { Who } from '../schemas/calls';
import type { Commands, Queue } from '../api/queue';
import type { Outbox } from '../outbox/outbox';
import type { Globals } from '../api/comagic';
import { createQueue } from '../api/queue';
import { commands, configCommands } from '../api/commands';
import { credentials } from '../api/credentials';
import { forgetVisitor, readVisitor, saveVisitor } from '../identity/visitor';
import { sendHit } from '../transport/hit';
import { sendCall } from '../transport/call';
import type { Checks } from '../outbox/outbox';
import { createOutbox } from '../outbox/outbox';
import { loader, sibling } from '../util/script';
import { syncAll } from '../forms/fields';
import { watchForms } from '../forms/watch';
import { error, refusalText } from '../util/log';
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
  /** The queue's commands that wait for the first hit answer: the page's methods join them (boot.ts). */
  readonly commands: Commands;
  /** From `disableWidgets`: no widget opens unless the page asks for it. */
  noWidgets?: boolean;
  /** `Comagic` and `ComagicWidget` (boot.ts), shown as window globals with the first hit answer (R1). */
  globals?: Globals;
  /** The visitor calls, sent after the first hit answer (issue 4). */
  readonly outbox: Outbox;
  /** The checks of the visitor calls (leadtrail-checks.js, next to the core), loaded on first use. */
  readonly checks: () => Promise<Checks | undefined>;
  credentials(): Credentials | undefined;
  /** The identity a visitor call carries, or undefined before the first hit answer. */
  who(): Who | undefined;
  /** Sends the page-view hit once the page's early commands are in and a site key is known. */
  start(): void;
  /** Counts a new page view of the current address, after the first hit answer (N7). */
  reinit(): Promise<void>;
  /** Stops watching the page's forms and sending calls (tests; a page that unloads needs nothing). */
  stop(): void;
}

const RETRY_AS_NEW = ['invalid_token', 'unknown_visitor'];

const who = ({ visitor_id, session_id, hit_id, token }: HitResult): Who => ({ visitor_id, session_id, hit_id, token });

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
    who: () => rt.hit && who(rt.hit),
    start() {
      started = true;
      if (config && rt.siteKey && !rt.sent) {
        rt.sent = true;
        count();
      }
    },
    reinit: () => rt.ready.then(count),
    stop() {
      unwatch();
      rt.outbox.stop();
    },
    checks: loader<Checks>(sibling(config?.src, 'leadtrail-checks'), '__leadtrailChecks'),
  } as Runtime & { queue: Queue; outbox: Outbox; commands: Commands };
  rt.queue = createQueue(configCommands(rt, () => started && rt.start()), (rt.commands = commands(rt)));
  // The outbox sends only once opened by a hit answer, which needs a config.
  rt.outbox = createOutbox((e, who) => sendCall(config!, e.op, JSON.stringify({ ...who, request_id: e.id, ...e.f }), rt.checks), rt.checks);

  function count() {
    pageView(config!, rt.siteKey!).catch((e) => error('hit failed:', e));
  }

  async function pageView(config: Config, site_key: string, retried?: boolean): Promise<void> {
    const visitor = readVisitor();
    const answer = await sendHit(config, {
      site_key,
      url: clip(location.href, 2048),
      referrer: clip(document.referrer, 2048),
      title: clip(document.title, 512),
      ...visitor,
    });
    if (!answer) return error('no hit answer.');
    if (answer.success) return accept(answer.result);
    if (visitor && !retried && RETRY_AS_NEW.includes(answer.result.code)) {
      forgetVisitor();
      return pageView(config, site_key, true);
    }
    error('hit refused: ' + refusalText(answer.result));
  }

  function accept(result: HitResult) {
    rt.hit = result;
    saveVisitor(result);
    const creds = rt.credentials()!;
    syncAll(creds);
    rt.outbox.open(who(result));
    if (first) {
      first = false;
      unwatch = watchForms(rt.credentials);
      // Sites poll for `window.Comagic` and read the ids at once: it appears with them, before the
      // waiting commands run.
      Object.assign(window, rt.globals);
      rt.queue.open();
      resolve(creds);
    }
  }

  return rt;
}
