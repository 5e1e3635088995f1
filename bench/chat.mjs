// The online consultant's figures: an idle chat poll and the status poll (req/s, next to the plain hit
// and the no-op file of the same run), and how long a message takes from its sending to the page that
// shows it while 100 open chat windows poll (each every second, as the chat window does).
import crypto from 'node:crypto';
import { sql } from '../test/harness/mariadb.mjs';
import { step } from '../test/harness/log.mjs';

const CHATS = 100;
/** The chat window's poll interval (shared/src/chat/window.tsx). */
const POLL_MS = 1000;
const MESSAGES = 60;

const post = async (url, body) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

/** A new visitor with an open chat of one message; its poll body asks for what comes after it. */
async function openChat(collect, hit) {
  const { visitor_id, token } = (await post(collect, JSON.parse(hit()))).result;
  const sent = await post(`${collect}?op=chat`, { visitor_id, token, after: 0, text: 'Hello', request_id: crypto.randomBytes(16).toString('hex') });
  const after = sent.result.messages.at(-1).id;
  return { visitor_id, token, after };
}

export async function benchChat(site, hit, { measure, noop, collect: plainHit }) {
  const collect = `${site.url}/wp-content/plugins/leadtrail/collect.php`;
  step('Chat: an idle poll, the status poll, and message latency with 100 polling chats');
  const idle = await openChat(collect, hit);
  const poll = await measure('idle chat polls (?op=chat)', { url: `${collect}?op=chat`, method: 'POST', body: () => JSON.stringify(idle) });
  const status = await measure('status polls (?op=chat_status)', { url: `${collect}?op=chat_status`, method: 'GET' });

  const chats = [];
  for (let i = 0; i < CHATS; i++) chats.push(await openChat(collect, hit));
  const ids = Object.fromEntries(
    sql(`SELECT visitor_id, id FROM wp_leadtrail_chats WHERE open_visitor IS NOT NULL`, site.database)
      .trim()
      .split('\n')
      .map((line) => line.split('\t')),
  );
  const sentAt = new Map();
  const latencies = [];
  let polls = 0;
  let stop = false;
  const poller = async (chat) => {
    // Spread over the interval, as windows opened at different moments are.
    await new Promise((r) => setTimeout(r, Math.random() * POLL_MS));
    while (!stop) {
      const started = Date.now();
      const answer = await post(`${collect}?op=chat`, chat).catch(() => undefined);
      polls += 1;
      for (const m of answer?.result?.messages ?? []) {
        chat.after = Math.max(chat.after, m.id);
        const at = sentAt.get(m.text);
        if (at !== undefined) latencies.push(Date.now() - at);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, POLL_MS - (Date.now() - started))));
    }
  };
  const started = Date.now();
  const running = chats.map(poller);
  for (let i = 0; i < MESSAGES; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const chat = chats[i % CHATS];
    const text = `operator ${i} ${crypto.randomBytes(4).toString('hex')}`;
    sentAt.set(text, Date.now());
    // The operator's reply as the operator route stores it (one row), so the figure is the delivery.
    sql(
      `INSERT INTO wp_leadtrail_chat_messages (chat_id, author, user_id, body, created_at) VALUES (${ids[chat.visitor_id]}, 'operator', 1, '${text}', UNIX_TIMESTAMP())`,
      site.database,
    );
  }
  await new Promise((r) => setTimeout(r, 2 * POLL_MS));
  stop = true;
  await Promise.all(running);
  const seconds = (Date.now() - started) / 1000;

  console.log('\nChat (php -S, 4 workers; the same run as the figures above)');
  const line = (label, r, base) =>
    console.log(
      `  ${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   errors ${r.errors}   ${base.map((b) => `${(r.perSecond / b.perSecond).toFixed(2)}x ${b.label}`).join(', ')}`,
    );
  line(poll.label, poll, [plainHit, noop]);
  line(status.label, status, [plainHit, noop]);
  console.log(`  ${CHATS} open chats polling every ${POLL_MS} ms: ${(polls / seconds).toFixed(0)} polls/s; ${MESSAGES} operator messages,`);
  console.log(
    `  ${latencies.length} delivered, from sending to the page: median ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms (goal: within 2 s)`,
  );
}
