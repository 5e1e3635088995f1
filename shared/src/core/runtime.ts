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
import { backoff, createOutbox } from '../outbox/outbox';
import { loader, sibling } from '../util/script';
import { syncAll } from '../forms/fields';
import type { watchForms } from '../forms/watch';
import type { Phones } from '../phones/index';
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
  /** The visitor calls, sent after the first hit answer. */
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
  /** From `setDynamicalReplacement` (N2), for the replacement when it loads. */
  dyn?: unknown;
  /** Stops watching the page's forms and sending calls (tests; a page that unloads needs nothing). */
  stop(): void;
}

const RETRY_AS_NEW = ['invalid_token', 'unknown_visitor'];
/** Tries of the hit (about 4 to 7 s with the backoff) after which leads go without a visitor. */
export const HIT_TRIES = 4;

const who = ({ visitor_id, session_id, hit_id, token }: HitResult): Who => ({ visitor_id, session_id, hit_id, token });

export function createRuntime(config: Config | undefined): Runtime {
  let resolve: (c: Credentials) => void;
  let started = false;
  let stopped = false;
  let first = true;
  let unwatch = () => {};
  /** The form watcher (leadtrail-forms.js, next to the core), loaded after the first hit answer. */
  const forms = loader<typeof watchForms>(sibling(config?.src, 'leadtrail-forms'), '__leadtrailForms');

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
      stopped = true;
      unwatch();
      rt.outbox.stop();
    },
    checks: loader<Checks>(sibling(config?.src, 'leadtrail-checks'), '__leadtrailChecks'),
  } as Runtime & { queue: Queue; outbox: Outbox; commands: Commands };
  rt.queue = createQueue(
    configCommands(rt, () => started && rt.start()),
    (rt.commands = commands(rt)),
  );
  // The outbox sends once opened by a hit answer, which needs a config, or when the hit gives up.
  rt.outbox = createOutbox((e, who) => sendCall(config!, e.op, JSON.stringify({ ...who, request_id: e.id, ...e.f }), rt.checks), rt.checks);

  function count() {
    pageView(config!, rt.siteKey!).catch((e) => error('hit failed:', e));
  }

  /**
   * Sends the hit until it is answered: again as a new visitor on a refused token (once), again
   * with the outbox's backoff while there is no answer (transport/hit.ts). After HIT_TRIES tries,
   * or at once on any other refusal, the leads waiting in the outbox go without a visitor
   * (contracts.md, "In the runtime"); the tries go on, and a later answer opens the outbox.
   */
  async function pageView(config: Config, site_key: string): Promise<void> {
    for (let tries = 0, retried = 0; !stopped;) {
      const visitor = readVisitor();
      const answer = await sendHit(config, {
        site_key,
        url: clip(location.href, 2048),
        referrer: clip(document.referrer, 2048),
        title: clip(document.title, 512),
        ...visitor,
      });
      if (answer?.success) return accept(answer.result);
      if (answer) {
        // Any refusal but the first of a returning visitor's token is final.
        if (!visitor || retried++ || !RETRY_AS_NEW.includes(answer.result.code)) {
          error('hit refused: ' + refusalText(answer.result));
          return alone();
        }
        forgetVisitor();
      } else {
        if (++tries == HIT_TRIES) {
          error('no hit answer.');
          alone();
        }
        await new Promise((r) => setTimeout(r, backoff(tries - 1)));
      }
    }
  }

  /**
   * No identity for now: the leads waiting in the outbox go without a visitor, and so do the ones
   * the page queued (`__cs.push(["addOfflineRequest", ...])`), whose commands run now; `onReady`
   * still waits for the ids, and `window.Comagic` appears only with them.
   */
  function alone() {
    rt.outbox.alone();
    rt.queue.open();
  }

  function accept(result: HitResult) {
    rt.hit = result;
    saveVisitor(result);
    const creds = rt.credentials()!;
    syncAll(creds, config!.origins);
    rt.outbox.open(who(result));
    if (first) {
      first = false;
      // The forms that came while it loaded are filled then. Without it (it did not load) the
      // forms on the page keep what the hit answers gave them.
      void forms().then((watch) => {
        if (watch) {
          unwatch = watch(rt.credentials, config!.origins);
          syncAll(rt.credentials()!, config!.origins);
        }
      });
      // Only sites with phone numbers load the replacement.
      if (result.phones)
        void loader<Phones>(sibling(config!.src, 'leadtrail-phones'), '__leadtrailPhones')().then((f) =>
          f?.(result.phones, rt.dyn, rt.globals!.Comagic as object, rt.commands),
        );
      // Sites poll for `window.Comagic` and read the ids at once: it appears with them, before the
      // waiting commands run.
      Object.assign(window, rt.globals);
      rt.queue.open();
      resolve(creds);
    }
  }

  return rt;
}
