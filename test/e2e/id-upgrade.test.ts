import fs from 'node:fs';
// The upgrade to random ids (migration 008, docs/contracts.md "Ids"): rows numbered 1, 2, 3… by
// AUTO_INCREMENT get random ids in their own tables and in every column that refers to them, so an
// id known from before finds nothing; the links between the rows stay as they were. The test puts
// the e2e site's tables back as they were before 008, adds numbered rows, and lets WordPress's
// `init` run the migration, as the first page view after an update does.
import { beforeAll, describe, expect, it } from 'vitest';
import { count, getOption, setOption, siteUrl, sql } from './lib/wp';

const MIN = 2 ** 32;
const t = (name: string) => `wp_leadtrail_${name}`;
const at = "'2026-01-10 10:00:00'";

/** id of the row of `table` whose `column` is `value` (a marker the test wrote). */
const idWhere = (table: string, column: string, value: string) => Number(sql(`SELECT id FROM ${t(table)} WHERE ${column} = '${value}'`)[0]?.[0]);

beforeAll(async () => {
  for (const table of ['visitors', 'sessions', 'hits']) sql(`ALTER TABLE ${t(table)} MODIFY id bigint(20) unsigned NOT NULL AUTO_INCREMENT`);
  sql(`ALTER TABLE ${t('visitors')} DROP COLUMN last_session_id`);
  sql(`INSERT INTO ${t('visitors')} (id, created_at, last_seen_at, name) VALUES (1, ${at}, ${at}, 'upgrade-v1'), (2, ${at}, ${at}, 'upgrade-v2')`);
  const session = (id: number, visitor: number) => `(${id}, ${visitor}, ${at}, ${at}, '2026-01-10', 'https://upgrade.example/s${id}', 'k', 1)`;
  sql(
    `INSERT INTO ${t('sessions')} (id, visitor_id, started_at, last_hit_at, local_day, landing_url, source_key, hits) VALUES ${session(1, 1)}, ${session(2, 2)}, ${session(3, 1)}`,
  );
  const hit = (id: number, visitor: number, session: number) => `(${id}, ${visitor}, ${session}, ${at}, 'https://upgrade.example/h${id}')`;
  sql(`INSERT INTO ${t('hits')} (id, visitor_id, session_id, created_at, url) VALUES ${hit(1, 1, 1)}, ${hit(2, 2, 2)}, ${hit(3, 1, 3)}`);
  sql(`INSERT INTO ${t('events')} (visitor_id, session_id, hit_id, created_at, category, action) VALUES (1, 3, 3, ${at}, 'upgrade', 'e1')`);
  sql(`INSERT INTO ${t('contacts')} (visitor_id, kind, value, normalized, normalized_hash, source, created_at)
    VALUES (2, 'email', 'upgrade@example.com', 'upgrade@example.com', SHA1('upgrade@example.com'), 'js', ${at})`);
  sql(`INSERT INTO ${t('properties')} (visitor_id, name, name_hash, value, updated_at) VALUES (2, 'upgrade', SHA1('upgrade'), 'p', ${at})`);
  sql(`INSERT INTO ${t('requests')} (created_at, visitor_id, session_id, hit_id, message, source, fingerprint)
    VALUES (${at}, 2, 2, 2, 'upgrade-r1', 'js', SHA1('upgrade-r1')), (${at}, 0, 0, 0, 'upgrade-r0', 'server', SHA1('upgrade-r0'))`);
  sql(`INSERT INTO ${t('callbacks')} (created_at, visitor_id, session_id, hit_id, phone, phone_normalized, call_at)
    VALUES (${at}, 1, 3, 3, '+7 900 000-80-08', '79000008008', ${at})`);
  setOption('leadtrail_db_version', '7');

  const page = await fetch(`${siteUrl()}/`);
  expect(page.status).toBe(200);
});

describe('upgrading to random ids (migration 008)', () => {
  it('runs once, and leaves no visitor, session or hit with a counted id', () => {
    // Every migration up to the latest ran: the one file per migration sets the number.
    expect(getOption('leadtrail_db_version')).toBe(String(fs.readdirSync(new URL('../../wp-plugin/migrations', import.meta.url)).length));
    for (const table of ['visitors', 'sessions', 'hits']) expect(count(table, `id < ${MIN}`), table).toBe(0);
    expect(sql(`SHOW TABLES LIKE '${t('renumber')}%'`)).toEqual([]);
  });

  it('drops AUTO_INCREMENT from the three tables', () => {
    for (const table of ['visitors', 'sessions', 'hits']) {
      const [column] = sql(`SHOW COLUMNS FROM ${t(table)} WHERE Field = 'id'`);
      expect(column?.[5], table).toBe('');
    }
  });

  it('keeps every link between the renumbered rows, in every table that refers to them', () => {
    const v1 = idWhere('visitors', 'name', 'upgrade-v1');
    const v2 = idWhere('visitors', 'name', 'upgrade-v2');
    const [s1, s2, s3] = [1, 2, 3].map((n) => idWhere('sessions', 'landing_url', `https://upgrade.example/s${n}`));
    const [h1, h2, h3] = [1, 2, 3].map((n) => idWhere('hits', 'url', `https://upgrade.example/h${n}`));
    for (const id of [v1, v2, s1, s2, s3, h1, h2, h3]) expect(id).toBeGreaterThanOrEqual(MIN);

    expect(sql(`SELECT visitor_id FROM ${t('sessions')} WHERE id IN (${s1}, ${s2}, ${s3}) ORDER BY landing_url`)).toEqual([[`${v1}`], [`${v2}`], [`${v1}`]]);
    expect(sql(`SELECT visitor_id, session_id FROM ${t('hits')} WHERE id IN (${h1}, ${h2}, ${h3}) ORDER BY url`)).toEqual([
      [`${v1}`, `${s1}`],
      [`${v2}`, `${s2}`],
      [`${v1}`, `${s3}`],
    ]);
    expect(sql(`SELECT visitor_id, session_id, hit_id FROM ${t('events')} WHERE category = 'upgrade'`)).toEqual([[`${v1}`, `${s3}`, `${h3}`]]);
    expect(count('contacts', `value = 'upgrade@example.com' AND visitor_id = ${v2}`)).toBe(1);
    expect(count('properties', `name = 'upgrade' AND visitor_id = ${v2}`)).toBe(1);
    expect(sql(`SELECT visitor_id, session_id, hit_id FROM ${t('requests')} WHERE message LIKE 'upgrade-r%' ORDER BY message`)).toEqual([
      ['0', '0', '0'],
      [`${v2}`, `${s2}`, `${h2}`],
    ]);
    expect(sql(`SELECT visitor_id, session_id, hit_id FROM ${t('callbacks')} WHERE phone_normalized = '79000008008'`)).toEqual([[`${v1}`, `${s3}`, `${h3}`]]);
  });

  it("names each visitor's latest session as the one its next hit continues", () => {
    const v1 = idWhere('visitors', 'name', 'upgrade-v1');
    const s3 = idWhere('sessions', 'landing_url', 'https://upgrade.example/s3');
    expect(sql(`SELECT last_session_id FROM ${t('visitors')} WHERE id = ${v1}`)).toEqual([[`${s3}`]]);
  });

  it('an id known from before the upgrade finds nothing', () => {
    expect(count('visitors', 'id IN (1, 2)')).toBe(0);
    expect(count('contacts', 'visitor_id IN (1, 2)')).toBe(0);
  });
});
