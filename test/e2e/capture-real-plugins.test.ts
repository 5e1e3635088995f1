// Automatic capture with the released form plugins themselves (the zips `sharedPlugins` of test/harness/paths.mjs points to), not
// stand-ins: each is installed into the e2e site, its form made through its own PHP API, and
// submitted in Chromium by a visitor (or posted by a script to the plugin's own route, as server
// code and bots do). Each submission must be exactly one request with the form's fields, its
// source, and the visitor, session and hit of the page it was sent from, while the plugin's own
// success message and entry stay as they are. An integration that does not attach its hook on the
// real plugin records nothing, and fails here. The capture rules (no identity, forged ids, the
// flood ceiling, a failure inside capture) are checked here on the real plugins too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, whenReady, type Credentials } from './lib/visitor';
import { caughtMails, keepOptions, setOption, siteUrl, sql } from './lib/wp';
import { formPage, havePlugins, installPlugin, sitePhp } from './lib/plugins';
import { e2eSite } from './lib/site';

let browser: Browser;
let restoreOptions: () => void;
const deactivate: Array<() => void> = [];
const breaker = () => path.join(e2eSite().dir, 'wp-content', 'mu-plugins', 'leadtrail-break-capture.php');
const debugLog = () => fs.readFileSync(path.join(e2eSite().dir, 'debug.log'), 'utf8');

beforeAll(async () => {
  restoreOptions = keepOptions(['leadtrail_test_request_limit', 'leadtrail_test_clock_offset']);
  setOption('leadtrail_test_request_limit', '100000');
  fs.copyFileSync(new URL('./fixtures/capture/leadtrail-break-capture.php', import.meta.url), breaker());
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const undo of deactivate) undo();
  fs.rmSync(breaker(), { force: true });
  restoreOptions?.();
  await browser?.close();
});

// How long a form plugin's answer may take on a busy machine (a poll's default is one second).
const answer = { timeout: 30_000 };

/** The hidden fields the runtime put into the page's form (the visitor, session and hit of that page). */
async function hiddenFields(page: Page, form: string): Promise<Record<string, string>> {
  const names = ['visitor_id', 'session_id', 'hit_id', 'uri'];
  await expect.poll(() => page.locator(`${form} input[name=hit_id]`).count(), answer).toBe(1);
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await page.locator(`${form} input[name=${n}]`).inputValue()])));
}

const requestsOf = (visitor: Credentials, source: string) =>
  sql(`SELECT source, name, email, phone, message, COALESCE(form_name, ''), visitor_id, session_id, hit_id, page_url
    FROM wp_leadtrail_requests WHERE visitor_id = ${visitor.visitor_id} AND source = '${source}' ORDER BY id`);

/** Fills WPForms' "Simple Contact Form" on `page` and double-clicks its send; waits for its confirmation. */
async function sendWpforms(page: Page, formId: string, message: string): Promise<void> {
  const form = 'form.wpforms-form';
  await page.locator(`${form} input[name="wpforms[fields][1][first]"]`).fill('Иван');
  await page.locator(`${form} input[name="wpforms[fields][1][last]"]`).fill('Петров');
  await page.locator(`${form} input[name="wpforms[fields][2]"]`).fill('ivan@example.com');
  await page.locator(`${form} textarea[name="wpforms[fields][3]"]`).fill(message);
  // The template's anti-spam refuses a form sent within 2 seconds of its load: a person's pace.
  await page.waitForTimeout(2500);
  await page.locator(`${form} button[type=submit]`).dblclick();
  await expect.poll(() => page.locator(`#wpforms-confirmation-${formId}`).innerText(), answer).toContain('Thanks for contacting us!');
}

/** Fills Ninja Forms' "Contact Me" on `page` and double-clicks its send; waits for its answer. */
async function sendNinja(page: Page, message: string): Promise<void> {
  await page.getByLabel('Name').fill('Иван Петров');
  await page.getByLabel('Email').fill('ivan@example.com');
  await page.getByLabel('Message').fill(message);
  await page.locator('.nf-form-cont .submit-wrap input').dblclick();
  await expect.poll(() => page.locator('.nf-response-msg').innerText(), answer).toContain('Form submitted successfully.');
}

describe.runIf(havePlugins('capture-real-plugins.test.ts', ['formidable', 'fluentform', 'contact-form-7', 'wpforms-lite', 'ninja-forms']))(
  'the real form plugins',
  () => {
    let context: BrowserContext;
    let visitor: Credentials;
    let formidable: { id: string; url: string };
    let fluent: { id: string; url: string };
    let cf7: { id: string; url: string };
    let wpforms: { id: string; url: string };
    let ninjaUrl: string;

    // Installed and their forms made once for the file: unpacking and activating them is slow.
    beforeAll(async () => {
      deactivate.push(installPlugin('formidable'));
      const formidableId = sitePhp('formidable-form.php');
      formidable = { id: formidableId, url: formPage('formidable-contact', 'Contact (Formidable)', `[formidable id=${formidableId}]`) };
      deactivate.push(installPlugin('fluentform'));
      // Activating Fluent Forms on a site without forms makes its "Contact Form Demo".
      const fluentId = sql("SELECT id FROM wp_fluentform_forms WHERE title = 'Contact Form Demo' ORDER BY id LIMIT 1")[0]![0]!;
      fluent = { id: fluentId, url: formPage('fluent-contact', 'Contact (Fluent Forms)', `[fluentform id="${fluentId}"]`) };
      deactivate.push(installPlugin('contact-form-7', 'contact-form-7/wp-contact-form-7.php'));
      // Activating Contact Form 7 makes its "Contact form 1".
      const cf7Id = sql("SELECT ID FROM wp_posts WHERE post_type = 'wpcf7_contact_form' AND post_title = 'Contact form 1' ORDER BY ID LIMIT 1")[0]![0]!;
      cf7 = { id: cf7Id, url: formPage('cf7-contact', 'Contact (Contact Form 7)', `[contact-form-7 id="${cf7Id}" title="Contact form 1"]`) };
      deactivate.push(installPlugin('wpforms-lite', 'wpforms-lite/wpforms.php'));
      const wpformsId = sitePhp('wpforms-form.php');
      wpforms = { id: wpformsId, url: formPage('wpforms-contact', 'Contact (WPForms)', `[wpforms id="${wpformsId}"]`) };
      // Activating Ninja Forms makes its "Contact Me" form.
      deactivate.push(installPlugin('ninja-forms'));
      const ninjaId = sql("SELECT id FROM wp_nf3_forms WHERE title = 'Contact Me' ORDER BY id LIMIT 1")[0]![0]!;
      ninjaUrl = formPage('ninja-contact', 'Contact (Ninja Forms)', `[ninja_form id=${ninjaId}]`);
      ({ context, credentials: visitor } = await newVisitor(browser));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('Formidable Forms 6: a visitor’s entry is one request with its hit; the plugin’s message and entry are untouched', async () => {
      const page = await context.newPage();
      await page.goto(formidable.url);
      await page.evaluate(whenReady);
      const form = '#form_contact-us';
      const hidden = await hiddenFields(page, form);
      await page.getByLabel('Name').fill('Иван Петров');
      await page.getByLabel('Email').fill('ivan@example.com');
      // As Formidable's phone pattern accepts it.
      await page.getByLabel('Phone').fill('+7 912 345 6789');
      await page.getByLabel('Message').fill('Перезвоните (Formidable)');
      // A double click: the visitor's impatience must still make one request.
      await Promise.all([page.waitForNavigation(), page.locator(`${form} button[type=submit]`).dblclick()]);
      await expect.poll(() => page.locator('.frm_message').innerText(), answer).toContain('Your responses were successfully submitted');
      expect(requestsOf(visitor, 'formidable')).toEqual([
        [
          'formidable',
          'Иван Петров',
          'ivan@example.com',
          '+7 912 345 6789',
          'Перезвоните (Formidable)',
          'Contact Us',
          hidden.visitor_id,
          hidden.session_id,
          hidden.hit_id,
          hidden.uri,
        ],
      ]);
      expect(Number(hidden.hit_id)).toBeGreaterThan(0);
      // Formidable's own entry keeps what was sent.
      expect(
        sql(`SELECT m.meta_value FROM wp_frm_item_metas m JOIN wp_frm_items i ON i.id = m.item_id
      WHERE i.form_id = ${formidable.id} AND m.meta_value = 'Перезвоните (Formidable)'`),
      ).toEqual([['Перезвоните (Formidable)']]);
      await page.close();
    });

    it('Formidable Forms 6 without JavaScript: the entry is one request without a visitor, the page from its Referer', async () => {
      const plain = await browser.newContext({ javaScriptEnabled: false });
      const page = await plain.newPage();
      await page.goto(formidable.url);
      const message = `Без JavaScript (Formidable) ${Date.now()}`;
      await page.getByLabel('Name').fill('Мария');
      await page.getByLabel('Message').fill(message);
      await Promise.all([page.waitForNavigation(), page.locator('#form_contact-us button[type=submit]').click()]);
      expect(await page.locator('.frm_message').innerText()).toContain('Your responses were successfully submitted');
      expect(sql(`SELECT source, name, visitor_id, session_id, hit_id, page_url FROM wp_leadtrail_requests WHERE message = '${message}'`)).toEqual([
        ['formidable', 'Мария', '0', '0', '0', formidable.url],
      ]);
      await plain.close();
    });

    it('Fluent Forms 6: the hidden fields inside its posted `data` string attribute the request to the page’s hit', async () => {
      const page = await context.newPage();
      await page.goto(fluent.url);
      await page.evaluate(whenReady);
      const form = 'form.frm-fluent-form';
      // Fluent's script takes the submit only once it has marked the form loaded.
      await page.locator(`${form}.ff-form-loaded`).waitFor();
      const hidden = await hiddenFields(page, form);
      await page.locator(`${form} input[name="names[first_name]"]`).fill('Иван');
      await page.locator(`${form} input[name="names[last_name]"]`).fill('Петров');
      await page.locator(`${form} input[name=email]`).fill('ivan@example.com');
      await page.locator(`${form} textarea[name=message]`).fill('Перезвоните (Fluent)');
      await page.locator(`${form} button[type=submit]`).dblclick();
      await expect.poll(() => page.locator('.ff-message-success').innerText(), answer).toContain('Thank you for your message');
      expect(requestsOf(visitor, 'fluentforms')).toEqual([
        [
          'fluentforms',
          'Иван Петров',
          'ivan@example.com',
          'NULL',
          'Перезвоните (Fluent)',
          'Contact Form Demo',
          hidden.visitor_id,
          hidden.session_id,
          hidden.hit_id,
          hidden.uri,
        ],
      ]);
      expect(Number(hidden.hit_id)).toBeGreaterThan(0);
      // Fluent's own entry keeps what was sent.
      expect(sql(`SELECT COUNT(*) FROM wp_fluentform_submissions WHERE form_id = ${fluent.id} AND response LIKE '%(Fluent)%'`)).toEqual([['1']]);
      await page.close();
    });

    it('Contact Form 7 6: a double-clicked send is one request with its hit; the plugin’s answer and mail are untouched', async () => {
      const page = await context.newPage();
      await page.goto(cf7.url);
      await page.evaluate(whenReady);
      const form = 'form.wpcf7-form';
      const hidden = await hiddenFields(page, form);
      await page.locator(`${form} input[name=your-name]`).fill('Иван Петров');
      await page.locator(`${form} input[name=your-email]`).fill('ivan@example.com');
      await page.locator(`${form} input[name=your-subject]`).fill('Звонок');
      await page.locator(`${form} textarea[name=your-message]`).fill('Перезвоните (CF7)');
      await page.locator(`${form} input[type=submit]`).dblclick();
      await expect.poll(() => page.locator(`${form} .wpcf7-response-output`).innerText(), answer).toContain('Thank you for your message. It has been sent.');
      expect(requestsOf(visitor, 'cf7')).toEqual([
        [
          'cf7',
          'Иван Петров',
          'ivan@example.com',
          'NULL',
          'Перезвоните (CF7)',
          'Contact form 1',
          hidden.visitor_id,
          hidden.session_id,
          hidden.hit_id,
          hidden.uri,
        ],
      ]);
      expect(Number(hidden.hit_id)).toBeGreaterThan(0);
      // The plugin's own mail went out with what was sent (the suite's mail catcher keeps it).
      expect(caughtMails()).toContain('Перезвоните (CF7)');
      await page.close();
    });

    it('WPForms Lite 2: an AJAX submission is one request with its hit; the plugin’s confirmation is untouched', async () => {
      const page = await context.newPage();
      await page.goto(wpforms.url);
      await page.evaluate(whenReady);
      const hidden = await hiddenFields(page, 'form.wpforms-form');
      await sendWpforms(page, wpforms.id, 'Перезвоните (WPForms)');
      expect(requestsOf(visitor, 'wpforms')).toEqual([
        [
          'wpforms',
          'Иван Петров',
          'ivan@example.com',
          'NULL',
          'Перезвоните (WPForms)',
          'Simple Contact Form',
          hidden.visitor_id,
          hidden.session_id,
          hidden.hit_id,
          hidden.uri,
        ],
      ]);
      expect(Number(hidden.hit_id)).toBeGreaterThan(0);
      await page.close();
    });

    it('Ninja Forms 3: a submission is one request of the visitor and session from the cookies (its AJAX post has no hidden fields, so no hit)', async () => {
      const page = await context.newPage();
      await page.goto(ninjaUrl);
      const credentials = (await page.evaluate(whenReady)) as Credentials;
      await sendNinja(page, 'Перезвоните (Ninja)');
      expect(requestsOf(visitor, 'ninjaforms')).toEqual([
        [
          'ninjaforms',
          'Иван Петров',
          'ivan@example.com',
          'NULL',
          'Перезвоните (Ninja)',
          'Contact Me',
          String(credentials.visitor_id),
          String(credentials.session_id),
          '0',
          ninjaUrl,
        ],
      ]);
      await page.close();
    });

    /**
     * Posts Contact Form 7's "Contact form 1" to its REST route, as its script does and as a script
     * can without a browser; answers CF7's status ("mail_sent" when it took the submission).
     */
    async function postCf7(fields: Record<string, string>, { cookies = '', referer = '' } = {}): Promise<string> {
      const body = new FormData();
      const all = {
        _wpcf7: cf7.id,
        _wpcf7_version: '6.1.6',
        _wpcf7_locale: 'en_US',
        _wpcf7_unit_tag: `wpcf7-f${cf7.id}-o1`,
        'your-subject': 'Звонок',
        ...fields,
      };
      for (const [name, value] of Object.entries(all)) body.append(name, value);
      const response = await fetch(`${siteUrl()}/wp-json/contact-form-7/v1/contact-forms/${cf7.id}/feedback`, {
        method: 'POST',
        body,
        headers: { ...(cookies ? { Cookie: cookies } : {}), ...(referer ? { Referer: referer } : {}) },
      });
      return ((await response.json()) as { status: string }).status;
    }

    /** The hidden fields exactly as the runtime puts them into a visitor's forms. */
    const hiddenOf = (c: Credentials): Record<string, string> => ({
      site_key: c.site_key,
      key: c.key,
      uri: c.uri,
      visitor_id: String(c.visitor_id),
      hit_id: String(c.hit_id),
      session_id: String(c.session_id),
      consultant_server_url: c.consultant_server_url,
    });

    it('Contact Form 7 posted without hidden fields or cookies: one request with no visitor, the page from a same-site Referer; the same twice is one', async () => {
      const stamp = Date.now();
      const page = `${siteUrl()}/contacts/?from=${stamp}`;
      const fields = { 'your-name': 'Аноним', 'your-email': 'anon@example.com', 'your-message': `без полей ${stamp}` };
      expect(await postCf7(fields, { referer: page })).toBe('mail_sent');
      expect(await postCf7(fields, { referer: page }), 'a double post').toBe('mail_sent');
      // Another person sending the same form with something else in it is another request.
      expect(await postCf7({ ...fields, 'your-subject': 'Другая тема' }, { referer: 'https://elsewhere.example/contacts/' })).toBe('mail_sent');
      expect(
        sql(`SELECT visitor_id, session_id, hit_id, source, name, page_url FROM wp_leadtrail_requests
      WHERE message = 'без полей ${stamp}' ORDER BY id`),
      ).toEqual([
        ['0', '0', '0', 'cf7', 'Аноним', page],
        ['0', '0', '0', 'cf7', 'Аноним', ''],
      ]);
    });

    it('Contact Form 7 with hidden fields or cookies that do not check out: never attributed, kept with no visitor, and logged', async () => {
      const stamp = Date.now();
      const other = await newVisitor(browser);
      const otherToken = (await other.context.cookies()).find((c) => c.name === '_leadtrail_token')!.value;
      await other.context.close();
      const base = { 'your-name': 'Чужой', 'your-email': 'x@example.com' };
      expect(await postCf7({ ...hiddenOf(visitor), site_key: 'X'.repeat(32), ...base, 'your-message': `чужой ключ ${stamp}` })).toBe('mail_sent');
      expect(await postCf7({ ...hiddenOf(visitor), session_id: '999999', ...base, 'your-message': `чужая сессия ${stamp}` })).toBe('mail_sent');
      // Our visitor's ids with another visitor's (valid) token, and no hidden fields.
      const cookies = `_comagic_id=${visitor.visitor_id}.${visitor.session_id}.1777012580; _leadtrail_token=${otherToken}`;
      expect(await postCf7({ ...base, 'your-message': `чужая кука ${stamp}` }, { cookies })).toBe('mail_sent');
      expect(sql(`SELECT visitor_id, session_id, hit_id FROM wp_leadtrail_requests WHERE message LIKE '%${stamp}' ORDER BY id`)).toEqual([
        ['0', '0', '0'],
        ['0', '0', '0'],
        ['0', '0', '0'],
      ]);
      expect(debugLog()).toContain("LeadTrail: a cf7 submission's visitor ids were refused (unknown_site_key (site_key)); it was recorded without a visitor.");
      expect(debugLog()).toContain("LeadTrail: a cf7 submission's visitor ids were refused (invalid_token (token)); it was recorded without a visitor.");
    });

    it('Contact Form 7 submissions count against the flood ceilings (docs/contracts.md, "Rate limits"); the form still answers', async () => {
      const fresh = await newVisitor(browser);
      // Every test posts from 127.0.0.1: a later day on the test clock starts a fresh count.
      setOption('leadtrail_test_clock_offset', String(7 * 86_400));
      setOption('leadtrail_test_request_limit', '2');
      try {
        for (let i = 0; i < 4; i++) {
          expect(
            await postCf7({ ...hiddenOf(fresh.credentials), 'your-name': 'Много заявок', 'your-email': 'many@example.com', 'your-message': `Заявка ${i}` }),
          ).toBe('mail_sent');
        }
      } finally {
        setOption('leadtrail_test_request_limit', '100000');
        setOption('leadtrail_test_clock_offset', '0');
      }
      expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE visitor_id = ${fresh.credentials.visitor_id}`)).toEqual([['2']]);
      await fresh.context.close();
    });

    describe('a failure inside capture never breaks the host form: it answers its success, nothing is recorded, the failure is logged', () => {
      let broken: BrowserContext;
      const count = () => Number(sql('SELECT COUNT(*) FROM wp_leadtrail_requests')[0]![0]);

      beforeAll(async () => {
        broken = await browser.newContext();
        await broken.addCookies([{ name: 'leadtrail_test_break_capture', value: '1', url: siteUrl() }]);
      });

      afterAll(async () => {
        await broken?.close();
      });

      it('Contact Form 7', async () => {
        const before = count();
        expect(
          await postCf7(
            { 'your-name': 'Сломанный', 'your-email': 'b@example.com', 'your-message': 'broken cf7' },
            { cookies: 'leadtrail_test_break_capture=1' },
          ),
        ).toBe('mail_sent');
        expect(count()).toBe(before);
        expect(debugLog()).toContain('LeadTrail: a cf7 submission was not recorded: RuntimeException: test: capture broken');
      });

      it('WPForms Lite', async () => {
        const before = count();
        const page = await broken.newPage();
        await page.goto(wpforms.url);
        await sendWpforms(page, wpforms.id, 'broken wpforms');
        expect(count()).toBe(before);
        expect(debugLog()).toContain('LeadTrail: a wpforms submission was not recorded: RuntimeException: test: capture broken');
        await page.close();
      });

      it('Ninja Forms', async () => {
        const before = count();
        const page = await broken.newPage();
        await page.goto(ninjaUrl);
        await sendNinja(page, 'broken ninja');
        expect(count()).toBe(before);
        expect(debugLog()).toContain('LeadTrail: a ninjaforms submission was not recorded: RuntimeException: test: capture broken');
        await page.close();
      });
    });
  },
);
