// Call tracking in `npm run bench`: the replacement's time from the hit answer to replaced numbers in
// Chromium, and pool numbers handed out per second under concurrent new visitors next to the plain
// hit (docs/contracts.md, "Phone numbers").
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { sql } from '../test/harness/mariadb.mjs';
import { pluginDir } from '../test/harness/paths.mjs';
import { formatCpu } from './cpu.mjs';

const SITE = '74951825168';
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * The page is built, then timed from the call the core makes with the answer's `phones` to the
 * numbers replaced: `texts` text nodes of which 5 show the site's number (text and tel: links).
 */
async function replacementTimes(browser, texts, repeats) {
  const code = fs.readFileSync(path.join(pluginDir, 'assets', 'build', 'leadtrail-phones.js'), 'utf8');
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: code });
  const times = await page.evaluate(
    ({ texts, repeats, site }) => {
      const out = [];
      for (let r = 0; r < repeats; r++) {
        const parts = [];
        for (let i = 0; i < texts - 5; i++) parts.push(`<p>Line ${i} of the page, nothing to replace here.</p>`);
        for (let i = 0; i < 5; i++)
          parts.splice(
            Math.floor(((i + 0.5) * parts.length) / 5),
            0,
            i % 2 ? '<a href="tel:+74951825168">+7 (495) 182-51-68</a>' : '<span>8 495 182 51 68</span>',
          );
        document.body.innerHTML = parts.join('');
        const started = performance.now();
        window.__leadtrailPhones({ site: [site], number: '74990000012', dynamic: true }, false, {}, {});
        out.push(performance.now() - started);
        if (document.body.innerHTML.includes('182-51-68')) throw new Error('not replaced');
      }
      return out;
    },
    { texts, repeats, site: SITE },
  );
  await page.close();
  return times.sort((a, b) => a - b);
}

export async function benchReplacement() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    console.log('\nNumber replacement in Chromium (from the hit answer to replaced numbers; 5 numbers on the page)');
    for (const texts of [5, 5000]) {
      const times = await replacementTimes(browser, texts, 50);
      console.log(`  ${String(texts).padStart(5)} text nodes   median ${quantile(times, 0.5).toFixed(2)} ms   p95 ${quantile(times, 0.95).toFixed(2)} ms`);
    }
  } finally {
    await browser.close();
  }
}

/** The most numbers the Phone numbers screen accepts (PhoneSettings::MAX_NUMBERS), the site's and fallback included. */
const SCREEN_MAX = 200;

/**
 * New visitors' hits at `concurrency`, each from its own address (`headers`), without numbers and
 * then each taking a number from a pool as large as the hits sent (so none finds it full),
 * interleaved over `rounds`; prints the median rounds and the median of the rounds' own ratios.
 * The settings option, which every hit reads and parses, lists as many numbers as the screen
 * accepts at most; the table has a slot for every hit (a take reads one index entry, whatever the
 * pool's size), which no saved screen can make but which no hit tells apart.
 * `measure(label, options)` is run.mjs's (warm-up, then `total` requests).
 */
export async function benchPool(site, hit, { total, rounds, concurrency, measure, median, headers }) {
  const numbers = Array.from({ length: (total + 200) * rounds }, (_, i) => String(74900000000 + i));
  const listed = numbers.slice(0, SCREEN_MAX - 2);
  const settings = JSON.stringify({
    site: [SITE],
    rules: [],
    pools: [{ label: 'Bench', numbers: listed, hold: 15, fallback: '74999999999', when: 'any', value: '' }],
  });
  const table = 'wp_leadtrail_numbers';
  const url = `${site.url}/wp-content/plugins/leadtrail/collect.php`;
  const setOption = (value) =>
    sql(
      `INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('leadtrail_phone_numbers', '${value}', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
      site.database,
    );
  sql(`DELETE FROM ${table}`, site.database);
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = numbers
      .slice(i, i + 500)
      .map((d, j) => `('${d}', 'pool', 1, ${i + j}, 'Pool: Bench')`)
      .join(',');
    sql(`INSERT INTO ${table} (digits, kind, pool_id, position, label) VALUES ${rows}`, site.database);
  }
  sql(`INSERT INTO ${table} (digits, kind, pool_id, position, label) VALUES ('74999999999', 'fallback', 1, 0, 'Pool fallback: Bench')`, site.database);
  const plain = [];
  const taking = [];
  try {
    const runPlain = async () => {
      setOption('');
      plain.push(await measure('hits, no numbers', { url, method: 'POST', body: hit, headers, concurrency, total }));
    };
    const runTaking = async () => {
      setOption(settings.replace(/'/g, "\\'"));
      taking.push(await measure('hits taking a pool number', { url, method: 'POST', body: hit, headers, concurrency, total }));
    };
    // Every other round the other way round: a figure measured right after the other pays for the
    // work that one left to the database, so each comes first as often as last.
    for (let round = 1; round <= rounds; round++) {
      for (const run of round % 2 === 1 ? [runPlain, runTaking] : [runTaking, runPlain]) await run();
    }
  } finally {
    setOption('');
  }
  const pick = (runs) => runs.find((r) => r.perSecond === median(runs.map((x) => x.perSecond)));
  const held = Number(sql(`SELECT COUNT(*) FROM ${table} WHERE kind = 'pool' AND session_id <> 0`, site.database).trim());
  const exhausted = Number(sql(`SELECT exhausted FROM ${table} WHERE kind = 'fallback'`, site.database).trim());
  console.log(
    `\nPool numbers under ${concurrency} concurrent new visitors (median of ${rounds} interleaved rounds; a pool of ${numbers.length} slots, ${listed.length} numbers in the settings)`,
  );
  for (const r of [pick(plain), pick(taking)]) {
    console.log(
      `  ${r.label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   errors ${r.errors}`,
    );
    if (r.cpu) console.log(`  ${''.padEnd(34)} ${formatCpu(r.cpu)}`);
  }
  const costs = plain.map((r, i) => r.perSecond / taking[i].perSecond);
  console.log(`  a take's cost per round: ${costs.map((c) => c.toFixed(2)).join(' ')} plain hits`);
  console.log(
    `  a hit that takes a number costs ${median(costs).toFixed(2)} plain hits, the median of the rounds (goal: at most 1.3); numbers held ${held}, pool exhausted ${exhausted} times`,
  );
}
