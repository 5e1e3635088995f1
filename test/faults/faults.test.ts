// The lean endpoint when its database fails (docs/contracts.md, "The lean endpoint"): every public
// route answers 503 storage_unavailable with Retry-After while the database is stopped or frozen,
// never a 500 and never a hang; and leads sent under load through a stopped, frozen and restarted
// database and a killed PHP worker are each stored exactly once.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configFile,
  database,
  faultsSite,
  debugLogSince,
  debugLogSize,
  everyPublicRoute,
  killPhpWorker,
  newVisitor,
  pageLead,
  pluginUrl,
  send,
  serverLead,
  setOption,
  sql,
  type Call,
  type Reply,
  type Visitor,
} from './lib';

/**
 * How long a client waits for an answer before it counts as none: a bound on a hang (without the
 * database's timeouts a request waits for as long as the database is frozen), far above the lean
 * endpoint's own limits (3 s to connect, 5 s for an answer).
 */
const CLIENT_LIMIT = 30_000;
/** The web server's PHP workers (test/harness/wordpress.mjs): requests that can wait at once. */
const WORKERS = 4;

let visitor: Visitor;
let logStart = 0;
beforeAll(async () => {
  // The rate limit of leads must not be what refuses them here.
  setOption('leadtrail_test_request_limit', '1000000');
  visitor = await newVisitor();
  logStart = debugLogSize();
});

afterAll(() => {
  // A failing database is answered, not reported by PHP: no warning, notice or fatal error from the plugin.
  const problems = debugLogSince(logStart).filter(
    (line) => /PHP (Fatal error|Warning|Notice|Deprecated)/.test(line) && /plugins\/leadtrail\/|wp-plugin\//.test(line),
  );
  expect(problems).toEqual([]);
});

/** Sends `calls` at most WORKERS at a time, so that each is measured against its own wait. */
async function inBatches(calls: Call[], extra?: () => Promise<Reply>): Promise<Array<[string, Reply]>> {
  const replies: Array<[string, Reply]> = [];
  for (let i = 0; i < calls.length; i += WORKERS) {
    const batch = calls.slice(i, i + WORKERS);
    replies.push(...(await Promise.all(batch.map(async (call): Promise<[string, Reply]> => [call.name, await send(call, CLIENT_LIMIT)]))));
    if (i === 0 && extra) replies.push(['static file', await extra()]);
  }
  return replies;
}

const shape = ([name, reply]: [string, Reply]) => [name, reply?.status ?? 'no answer', reply?.retryAfter, reply?.body?.result?.code];

describe('a database outage answers 503 with Retry-After on every public route', () => {
  it('stopped: each route answers 503 storage_unavailable at once, and works again once it is back', async () => {
    const calls = everyPublicRoute(visitor);
    await database.stop();
    try {
      const replies = await inBatches(calls);
      expect(replies.map(shape)).toEqual(calls.map((c) => [c.name, 503, '60', 'storage_unavailable']));
    } finally {
      await database.start();
    }
    const back = await send(calls[0]!, CLIENT_LIMIT);
    expect(back?.status).toBe(200);
  });

  it('frozen: each route answers the 503 within its timeouts, and static files are served meanwhile', async () => {
    const calls = everyPublicRoute(visitor);
    // While the first batch waits on the database, a static file asks for a worker too.
    const asset = () => send({ name: 'static file', method: 'GET', url: `${pluginUrl()}/assets/build/leadtrail.js` }, CLIENT_LIMIT);
    database.freeze();
    let replies: Array<[string, Reply]>;
    try {
      replies = await inBatches(calls, asset);
    } finally {
      database.resume();
    }
    expect(replies.filter(([name]) => name !== 'static file').map(shape)).toEqual(calls.map((c) => [c.name, 503, '60', 'storage_unavailable']));
    expect(replies.find(([name]) => name === 'static file')?.[1]?.status).toBe(200);
    expect((await send(calls[0]!, CLIENT_LIMIT))?.status).toBe(200);
  });
});

describe('a connection lost between two statements', () => {
  it('is an unavailable database (503), never read as "no such visitor"', () => {
    // wpdb answers a lost connection with false and no error; read as an empty result, a lead
    // whose database restarted mid-request was refused 403 identity_mismatch and never resent.
    const script = path.join(import.meta.dirname, 'php', 'lost-connection.php');
    const out = execFileSync('php', [script, faultsSite(), path.join(faultsSite(), 'wp-content', 'plugins', 'leadtrail')], { encoding: 'utf8' });
    expect(out.trim()).toBe('unavailable: The connection to the database was lost.');
  });
});

describe('the SHORTINIT fallback (a wp-config.php that computes its settings)', () => {
  it('frozen: the hit answers the 503 within the same limits, on the connection WordPress opens itself', async () => {
    const file = configFile();
    const original = fs.readFileSync(file, 'utf8');
    // Not a plain literal: collect.php cannot read it and lets WordPress connect (LeanBoot).
    fs.writeFileSync(file, original.replace(/define\('DB_NAME', '([^']*)'\);/, "define('DB_NAME', getenv('LEADTRAIL_NO_SUCH_VARIABLE') ?: '$1');"));
    const [hit] = everyPublicRoute(visitor);
    try {
      database.freeze();
      const reply = await send(hit!, CLIENT_LIMIT).finally(() => database.resume());
      expect([reply?.status ?? 'no answer', reply?.retryAfter, reply?.body?.result?.code]).toEqual([503, '60', 'storage_unavailable']);
      const again = await fetch(hit!.url, { method: 'POST', headers: hit!.headers, body: hit!.body });
      expect([again.status, again.headers.get('x-leadtrail-boot')]).toEqual([200, 'shortinit']);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});

describe('leads under load through database and PHP faults', () => {
  it('counts acknowledged, stored, lost and doubled leads: 0 lost, 0 doubled, 0 answers 500', async () => {
    const run = runId();
    const clients = await Promise.all(Array.from({ length: 6 }, () => newVisitor()));
    const tally = { acknowledged: 0, refused: [] as string[], answers: new Map<string, number>() };
    const acknowledged: string[] = [];
    let sending = true;

    /** One client: leads one after another, each sent again (the same request) until it is answered. */
    const client = async (who: Visitor, n: number) => {
      for (let i = 0; sending; i++) {
        const text = `fault-${run}-${n}-${i}`;
        // Half as the site's server sends them, half as the runtime does.
        const call = i % 2 === 0 ? serverLead(who, text) : pageLead(who, text);
        for (let attempt = 0; ; attempt++) {
          const reply = await send(call, CLIENT_LIMIT);
          const status = reply ? String(reply.status) : 'no answer';
          tally.answers.set(status, (tally.answers.get(status) ?? 0) + 1);
          if (reply?.status === 200 && reply.body?.success === true) {
            tally.acknowledged++;
            acknowledged.push(text);
            break;
          }
          if (reply && reply.status >= 400 && reply.status < 500) {
            // Named with its answer's code, so that a failure says which check refused it.
            tally.refused.push(`${text}: ${reply.status} ${reply.body?.result?.code ?? JSON.stringify(reply.body).slice(0, 200)}`);
            break;
          }
          // 503 (Retry-After, shortened for the test) or no answer: the same request again.
          if (attempt > 200) throw new Error(`${text} was never answered`);
          await sleep(250);
        }
      }
    };

    const faults = async () => {
      const log: string[] = [];
      await sleep(2000);
      await database.stop();
      log.push('stopped');
      await sleep(3000);
      await database.start();
      log.push('restarted');
      await sleep(2000);
      database.freeze();
      log.push('frozen');
      await sleep(2000);
      // Every worker is busy with a lead waiting on the database: this one dies in the middle of it.
      log.push(`worker ${killPhpWorker()} killed`);
      await sleep(5000);
      database.resume();
      log.push('resumed');
      await sleep(3000);
      sending = false;
      return log;
    };

    const [log] = await Promise.all([faults(), ...clients.map((who, n) => client(who, n))]);

    const stored = new Map(
      sql(`SELECT message, COUNT(*) FROM wp_leadtrail_requests WHERE message LIKE 'fault-${run}-%' GROUP BY message`).map(([text, count]) => [
        text!,
        Number(count),
      ]),
    );
    const lost = acknowledged.filter((text) => !stored.has(text));
    const doubled = [...stored].filter(([, count]) => count > 1).map(([text]) => text);
    const summary = {
      faults: log,
      answers: Object.fromEntries(tally.answers),
      acknowledged: tally.acknowledged,
      stored: stored.size,
      lost: lost.length,
      doubled: doubled.length,
      refused: tally.refused,
    };
    console.log(`fault suite: ${JSON.stringify(summary)}`);

    expect(log).toHaveLength(5);
    // The faults were felt: leads were answered 503, and the killed worker's lead got no answer.
    expect(tally.answers.get('503') ?? 0).toBeGreaterThan(0);
    expect(tally.answers.get('no answer') ?? 0).toBeGreaterThan(0);
    expect({ lost, doubled, answers500: tally.answers.get('500') ?? 0, refused: tally.refused }).toEqual({ lost: [], doubled: [], answers500: 0, refused: [] });
    // Every stored lead was acknowledged too (the client sent it until it was).
    expect(stored.size).toBe(tally.acknowledged);
    expect(tally.acknowledged).toBeGreaterThan(0);
    // The site answers normally afterwards.
    expect((await send(pageLead(clients[0]!, `fault-${run}-after`), CLIENT_LIMIT))?.status).toBe(200);
  });
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function runId() {
  return Math.random().toString(36).slice(2, 10);
}
