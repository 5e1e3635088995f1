// Fills a harness site's database with a large site's data in bulk (INSERT ... SELECT over MariaDB's
// sequence tables: no row crosses the client): page views, visitors, sessions, events and leads
// spread evenly over two years, in the proportions of the reports' goal (10 million page views,
// 1 million visitors, 2 million sessions, 50,000 leads). `pageViews` scales all of them.
import { sql } from '../test/harness/mariadb.mjs';
import { step, timed } from '../test/harness/log.mjs';

const DAYS = 730;
const SOURCES = [
  ['(direct)', '(none)', ''],
  ['google', 'organic', ''],
  ['yandex', 'organic', ''],
  ['google', 'cpc', 'brand'],
  ['google', 'cpc', 'generic'],
  ['yandex', 'cpc', 'spring'],
  ['newsletter', 'email', 'monthly'],
  ['facebook.com', 'referral', ''],
  ['example.org', 'referral', ''],
  ['vk.com', 'social', 'promo'],
];

/** The site's sizes for `pageViews` page views. */
export function siteSize(pageViews) {
  const sessions = Math.max(10, Math.round(pageViews / 5));
  return {
    pageViews: sessions * 5,
    visitors: Math.max(5, Math.round(pageViews / 10)),
    sessions,
    events: Math.round(pageViews / 20),
    leads: Math.max(1, Math.round(pageViews / 200)),
  };
}

/** A CASE expression choosing column `index` of SOURCES by `n`. */
const sourceColumn = (n, index) => `ELT(1 + (${n}) % ${SOURCES.length}, ${SOURCES.map((s) => `'${s[index]}'`).join(', ')})`;

export async function generateSite(database, pageViews, baseUrl) {
  const size = siteSize(pageViews);
  const q = (statement) => sql(statement, database);
  const start = `DATE_SUB(UTC_DATE(), INTERVAL ${DAYS - 1} DAY)`;
  // Session n starts at an even share of the two years; its visitor is n mod visitors (so about
  // two sessions each, months apart), its channel and landing page follow n.
  const startedAt = (n) => `DATE_ADD(${start}, INTERVAL FLOOR((${n} - 1) * ${DAYS * 86400} / ${size.sessions}) SECOND)`;
  await timed(
    `Generating ${size.pageViews} page views, ${size.visitors} visitors, ${size.sessions} sessions, ${size.leads} leads over ${DAYS} days`,
    async () => {
      q(
        'SET SESSION unique_checks = 0; SET SESSION foreign_key_checks = 0;' +
          'TRUNCATE wp_leadtrail_hits; TRUNCATE wp_leadtrail_sessions; TRUNCATE wp_leadtrail_visitors; TRUNCATE wp_leadtrail_events; TRUNCATE wp_leadtrail_requests;' +
          'TRUNCATE wp_leadtrail_report_channels; TRUNCATE wp_leadtrail_report_pages; TRUNCATE wp_leadtrail_report_events; TRUNCATE wp_leadtrail_report_visitors;',
      );
      q(`INSERT INTO wp_leadtrail_visitors (id, created_at, last_seen_at, last_session_id)
      SELECT seq, ${start}, ${start}, 0 FROM seq_1_to_${size.visitors}`);
      q(`INSERT INTO wp_leadtrail_sessions (id, visitor_id, started_at, last_hit_at, local_day, source, medium, campaign, landing_url, hits, source_key)
      SELECT seq, 1 + seq % ${size.visitors}, ${startedAt('seq')}, DATE_ADD(${startedAt('seq')}, INTERVAL 4 MINUTE), DATE(${startedAt('seq')}),
        ${sourceColumn('seq', 0)}, ${sourceColumn('seq', 1)}, ${sourceColumn('seq', 2)},
        CONCAT('${baseUrl}/page-', seq % 200, '/'), 5, SHA1(seq % ${SOURCES.length})
      FROM seq_1_to_${size.sessions}`);
      // Five page views a session, a minute apart, in slices so that no statement holds too much undo.
      const slice = 400_000;
      for (let from = 1; from <= size.sessions; from += slice) {
        const to = Math.min(size.sessions, from + slice - 1);
        q(`INSERT INTO wp_leadtrail_hits (id, visitor_id, session_id, created_at, url, referrer, title)
        SELECT s.id * 5 + p.seq, s.visitor_id, s.id, DATE_ADD(s.started_at, INTERVAL p.seq MINUTE), CONCAT('${baseUrl}/page-', (s.id + p.seq) % 200, '/'), '', 'Page'
        FROM wp_leadtrail_sessions s JOIN seq_0_to_4 p WHERE s.id BETWEEN ${from} AND ${to}`);
      }
      q(`INSERT INTO wp_leadtrail_events (visitor_id, session_id, hit_id, created_at, category, action)
      SELECT s.visitor_id, s.id, s.id * 5, DATE_ADD(s.started_at, INTERVAL 2 MINUTE), 'form', ELT(1 + s.id % 3, 'open', 'submit', 'scroll')
      FROM wp_leadtrail_sessions s JOIN seq_1_to_${size.events} e ON s.id = e.seq * 4`);
      const every = Math.max(1, Math.floor(size.sessions / size.leads));
      q(`INSERT INTO wp_leadtrail_requests (created_at, visitor_id, session_id, hit_id, page_url, name, phone, is_sale, sale_cost, source, fingerprint)
      SELECT DATE_ADD(s.started_at, INTERVAL 3 MINUTE), s.visitor_id, s.id, s.id * 5, s.landing_url, CONCAT('Lead ', e.seq), '79001234567',
        e.seq % 5 = 0, IF(e.seq % 5 = 0, 100 + e.seq % 900, NULL), 'js', SHA1(e.seq)
      FROM seq_1_to_${size.leads} e JOIN wp_leadtrail_sessions s ON s.id = e.seq * ${every}`);
      q('ANALYZE TABLE wp_leadtrail_hits, wp_leadtrail_sessions, wp_leadtrail_visitors, wp_leadtrail_events, wp_leadtrail_requests');
    },
  );
  step('Generated');
  return size;
}

/** Data and index bytes of each of the site's tables named. */
export function tableBytes(database, tables) {
  const rows = sql(
    `SELECT table_name, data_length, index_length FROM information_schema.tables WHERE table_schema = '${database}'
    AND table_name IN (${tables.map((t) => `'${t}'`).join(', ')})`,
    database,
  )
    .trim()
    .split('\n')
    .filter(Boolean);
  return Object.fromEntries(
    rows.map((line) => {
      const [name, data, index] = line.split('\t');
      return [name, { data: Number(data), index: Number(index) }];
    }),
  );
}
