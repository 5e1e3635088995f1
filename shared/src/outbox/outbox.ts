// The outbox: every visitor call, in order, one at a time, until it has a final answer. Writes are
// kept in localStorage (store.ts) before they are sent, so a call cut off by the network or by the
// page unloading is sent again, by this page or the next, with the same request_id.
import type { Answer, Fields, Op, Who } from '../schemas/calls';
import type { CaptchaAnswer } from '../schemas/answers';
import type { Entry, Nobody } from './store';
import type { Save } from './unchecked';
import { isRead } from '../schemas/ops';
import { warn } from '../util/log';
import { CAP, read, victim, write } from './store';

export interface Outbox {
  /** Queues a call; `settle` gets its final answer (not for calls left by an earlier page). */
  add(entry: Entry, settle?: (answer: Answer) => void): void;
  /** Starts sending (and sends again); entries that have no identity yet take `who`. */
  open(who: Who): void;
  /** No hit answers: the leads that wait go out now, those with no identity without one. */
  alone(): void;
  /** Stops sending and listening (tests; a page that unloads needs nothing). */
  stop(): void;
}

/**
 * The lazily loaded checks (leadtrail-checks.js): an op's fields from the page's raw argument, or a
 * thrown Refused; what a captcha's reply (A8) answers; a callback order's answer (A10) from a body.
 */
export type Checks = Partial<Record<Op, (raw: unknown) => Fields>> & {
  /** `collect` and `rest` of the config (`collect` is a minified name in the core: bundle.mjs). */
  captcha?: (collect: string, rest: string, who: Who) => Promise<CaptchaAnswer>;
  called?: (body: unknown) => Answer<'callback'> | undefined;
  /** checkCallAnswer (schemas/answers.ts): the answer of any other call from a body. */
  answer?: <O extends Op>(op: O, body: unknown) => Answer<O> | undefined;
  /** checkQueued (unchecked.ts) with these checks. */
  queued?: (queue: Entry[], save: Save, end: (e: Entry, answer: Answer) => void) => void;
};

/** Sends one entry as `who` (`{}`: without a visitor): its final answer, or undefined to try again later. Never rejects. */
export type Send = (entry: Entry, who: Who | Nobody) => Promise<Answer | undefined>;

/** Waits 1 s, 2 s, 4 s ... up to 60 s, each cut at random by up to half (so tabs do not retry in step). */
export const backoff = (attempt: number) => Math.min(60e3, 1e3 * 2 ** attempt) * (1 - Math.random() / 2);

const full: Answer = { success: false, result: { code: 'outbox_full', field: '' } };

/**
 * An outbox that starts with the calls an earlier page (or another tab) left unanswered.
 *
 * An entry marked `u` holds the page's raw argument, not yet checked: it is kept (and stored) in its
 * place but never sent until `load` brings the checks, which turn it into its fields or refuse it.
 */
export function createOutbox(send: Send, load?: () => Promise<Checks | undefined>): Outbox {
  const queue: Entry[] = read();
  /** Who gets each entry's answer: the page's own calls only. */
  const settles = new WeakMap<Entry, ((answer: Answer) => void) | undefined>();
  let who: Who | undefined;
  let alone: 1 | undefined;
  /** The entry on its way, if any. */
  let busy: Entry | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let storeWarned = false;
  let capWarned = false;

  const save: Save = (change) => {
    if (!write(change) && !storeWarned) {
      storeWarned = true;
      warn('no localStorage: calls kept here.');
    }
  };
  /** Takes `e` out of the line (and the storage) and hands `answer` to its caller. */
  const end = (e: Entry, answer: Answer) => {
    queue.splice(queue.indexOf(e), 1);
    if (!isRead(e.op)) save((list) => list.filter((x) => x.id != e.id));
    settles.get(e)?.(answer);
  };

  /**
   * Sends the line in order once there is an identity; before that, with `alone`, only the leads,
   * each that has none marked `{}` first (and stored so): sent again, also by a later page, it
   * still carries none, so the request_id that the server keyed without a visitor stays the same.
   */
  async function pump() {
    if (busy || stopped) return;
    try {
      for (let e; (e = queue.find((x) => who || (alone && x.op == 'request'))) && !stopped;) {
        if (e.u) {
          void check();
          break;
        }
        if (!(e.who || who)) {
          e.who = {};
          save((list) => list.map((x) => (x.id == e!.id ? e! : x)));
        }
        busy = e;
        const answer = navigator.onLine === false ? undefined : await send(e, e.who || who!).catch(() => {});
        if (!answer) {
          timer = setTimeout(now, backoff(attempt++));
          break;
        }
        attempt = 0;
        end(e, answer);
      }
    } finally {
      busy = undefined;
    }
  }

  /** Checks the unchecked entries once the checks load (else tries again later), then sends. */
  const check = () =>
    load!().then((c) => {
      if (!c) return void (timer = timer || setTimeout(now, backoff(attempt++)));
      c.queued!(queue, save, end);
      now();
    });

  /** Tries at once (the `online` event, a backoff that ran out). */
  function now() {
    clearTimeout(timer);
    timer = undefined;
    void pump();
  }
  addEventListener('online', now);

  return {
    add(e, s) {
      queue.push(e);
      settles.set(e, s);
      // Kept before it is sent.
      if (!isRead(e.op)) save((list) => [...list.filter((x) => x.id != e.id), e]);
      if (queue[CAP]) {
        if (!capWarned) warn(`over ${CAP} calls: oldest dropped.`);
        capWarned = true;
        // Possibly `e` itself (an event when only what is kept waits): ended, it is sent by nobody.
        end(victim(queue, busy), full);
      }
      if (e.u) void check();
      if (!timer) void pump();
    },
    open(w) {
      who = w;
      // Calls made before the first hit answer are that answer's, also if sent by a later page.
      // (A stored one of another tab that has no answer yet is its visitor's too: same cookies.)
      for (const e of queue) e.who = e.who || w;
      save((list) => list.map((x) => (x.who ? x : { ...x, who: w })));
      now();
    },
    alone() {
      alone = 1;
      now();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      removeEventListener('online', now);
    },
  };
}
