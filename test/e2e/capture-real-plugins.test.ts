// Automatic capture with the released form plugins themselves (../shared/platform/plugins), not
// stand-ins: each is installed into the e2e site, its form made through its own PHP API, and
// submitted in Chromium by a visitor. Each submission must be exactly one request with the form's
// fields, its source, and the visitor, session and hit of the page it was sent from, while the
// plugin's own success message and entry stay as they are. An integration that does not attach
// its hook on the real plugin records nothing, and fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, whenReady, type Credentials } from './lib/visitor';
import { caughtMails, keepOptions, setOption, sql } from './lib/wp';
import { formPage, havePlugins, installPlugin, sitePhp } from './lib/plugins';

let browser: Browser;
let restoreOptions: () => void;
const deactivate: Array<() => void> = [];

beforeAll(async () => {
  restoreOptions = keepOptions(['leadtrail_test_request_limit']);
  setOption('leadtrail_test_request_limit', '100000');
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const undo of deactivate) undo();
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

describe.runIf(havePlugins('capture-real-plugins.test.ts', ['formidable', 'fluentform', 'contact-form-7', 'wpforms-lite', 'ninja-forms']))('the real form plugins', () => {
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
    expect(requestsOf(visitor, 'formidable')).toEqual([[
      'formidable', 'Иван Петров', 'ivan@example.com', '+7 912 345 6789', 'Перезвоните (Formidable)', 'Contact Us',
      hidden.visitor_id, hidden.session_id, hidden.hit_id, hidden.uri,
    ]]);
    expect(Number(hidden.hit_id)).toBeGreaterThan(0);
    // Formidable's own entry keeps what was sent.
    expect(sql(`SELECT m.meta_value FROM wp_frm_item_metas m JOIN wp_frm_items i ON i.id = m.item_id
      WHERE i.form_id = ${formidable.id} AND m.meta_value = 'Перезвоните (Formidable)'`)).toEqual([['Перезвоните (Formidable)']]);
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
    expect(sql(`SELECT source, name, visitor_id, session_id, hit_id, page_url FROM wp_leadtrail_requests WHERE message = '${message}'`))
      .toEqual([['formidable', 'Мария', '0', '0', '0', formidable.url]]);
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
    expect(requestsOf(visitor, 'fluentforms')).toEqual([[
      'fluentforms', 'Иван Петров', 'ivan@example.com', 'NULL', 'Перезвоните (Fluent)', 'Contact Form Demo',
      hidden.visitor_id, hidden.session_id, hidden.hit_id, hidden.uri,
    ]]);
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
    expect(requestsOf(visitor, 'cf7')).toEqual([[
      'cf7', 'Иван Петров', 'ivan@example.com', 'NULL', 'Перезвоните (CF7)', 'Contact form 1',
      hidden.visitor_id, hidden.session_id, hidden.hit_id, hidden.uri,
    ]]);
    expect(Number(hidden.hit_id)).toBeGreaterThan(0);
    // The plugin's own mail went out with what was sent (the suite's mail catcher keeps it).
    expect(caughtMails()).toContain('Перезвоните (CF7)');
    await page.close();
  });

  it('WPForms Lite 2: an AJAX submission is one request with its hit; the plugin’s confirmation is untouched', async () => {
    const page = await context.newPage();
    await page.goto(wpforms.url);
    await page.evaluate(whenReady);
    const form = 'form.wpforms-form';
    const hidden = await hiddenFields(page, form);
    await page.locator(`${form} input[name="wpforms[fields][1][first]"]`).fill('Иван');
    await page.locator(`${form} input[name="wpforms[fields][1][last]"]`).fill('Петров');
    await page.locator(`${form} input[name="wpforms[fields][2]"]`).fill('ivan@example.com');
    await page.locator(`${form} textarea[name="wpforms[fields][3]"]`).fill('Перезвоните (WPForms)');
    // The template's anti-spam refuses a form sent within 2 seconds of its load: a person's pace.
    await page.waitForTimeout(2500);
    await page.locator(`${form} button[type=submit]`).dblclick();
    await expect.poll(() => page.locator(`#wpforms-confirmation-${wpforms.id}`).innerText(), answer).toContain('Thanks for contacting us!');
    expect(requestsOf(visitor, 'wpforms')).toEqual([[
      'wpforms', 'Иван Петров', 'ivan@example.com', 'NULL', 'Перезвоните (WPForms)', 'Simple Contact Form',
      hidden.visitor_id, hidden.session_id, hidden.hit_id, hidden.uri,
    ]]);
    expect(Number(hidden.hit_id)).toBeGreaterThan(0);
    await page.close();
  });

  it('Ninja Forms 3: a submission is one request of the visitor and session from the cookies (its AJAX post has no hidden fields, so no hit)', async () => {
    const page = await context.newPage();
    await page.goto(ninjaUrl);
    const credentials = (await page.evaluate(whenReady)) as Credentials;
    await page.getByLabel('Name').fill('Иван Петров');
    await page.getByLabel('Email').fill('ivan@example.com');
    await page.getByLabel('Message').fill('Перезвоните (Ninja)');
    await page.locator('.nf-form-cont .submit-wrap input').dblclick();
    await expect.poll(() => page.locator('.nf-response-msg').innerText(), answer).toContain('Form submitted successfully.');
    expect(requestsOf(visitor, 'ninjaforms')).toEqual([[
      'ninjaforms', 'Иван Петров', 'ivan@example.com', 'NULL', 'Перезвоните (Ninja)', 'Contact Me',
      String(credentials.visitor_id), String(credentials.session_id), '0', ninjaUrl,
    ]]);
    await page.close();
  });
});
