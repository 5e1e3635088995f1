// The "Roles" part of LeadTrail > Settings, in Chromium: the site owner gives a role the reports
// (leadtrail_view_reports: the Overview and its routes) or the chat console (leadtrail_operator),
// and takes them back. An Editor is refused each screen, granted it, sees it, and is refused again
// once it is revoked. Administrators keep both whatever is posted; a role that does not exist is
// refused by name and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { adminPage, keepOptions, logIn, siteUrl, sql } from './lib/wp';

let browser: Browser;
let admin: Page;
let editor: Page;
let restoreOptions: () => void;

const EDITOR = `roles_editor_${Date.now()}`;

/** The capabilities a role has, read from the stored roles (wp_user_roles). */
function roleCaps(role: string): string {
  const stored = sql("SELECT option_value FROM wp_options WHERE option_name = 'wp_user_roles'")[0]![0]!;
  // Each role is `s:N:"role";a:2:{s:4:"name";...;s:12:"capabilities";a:K:{...}}`: cut out this one.
  const start = stored.indexOf(`"${role}";a:2:{`);
  return stored.slice(start, stored.indexOf('}}', start));
}

/** Ticks (or unticks) the boxes of the Roles form and saves it; answers the notices after the redirect. */
async function saveRoles(boxes: Record<string, boolean>): Promise<string> {
  await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
  for (const [label, checked] of Object.entries(boxes)) await admin.getByLabel(label, { exact: true }).setChecked(checked);
  await Promise.all([admin.waitForURL(/page=leadtrail&/), admin.click('#leadtrail-save-roles')]);
  return (await admin.locator('.wrap').first().locator('.notice, .error, .updated').allInnerTexts()).join('\n');
}

/** What the Editor gets for a screen of wp-admin: its HTTP status, and whether the screen's root is there. */
async function editorOpens(slug: string, root: string): Promise<{ status: number; shown: boolean }> {
  const response = await editor.goto(`${siteUrl()}/wp-admin/admin.php?page=${slug}`);
  return { status: response?.status() ?? 0, shown: (await editor.locator(root).count()) > 0 };
}

/** The Editor's call of a reports route, with its REST nonce. */
async function editorReads(): Promise<number> {
  const nonce = await editor.evaluate(async (url) => (await fetch(url)).text(), `${siteUrl()}/wp-admin/admin-ajax.php?action=rest-nonce`);
  return editor.evaluate(async ({ url, nonce }) => (await fetch(url, { headers: { 'X-WP-Nonce': nonce } })).status, {
    url: `${siteUrl()}/wp-json/leadtrail/v1/reports/overview?from=2024-05-01&to=2024-05-07`,
    nonce,
  });
}

beforeAll(async () => {
  restoreOptions = keepOptions(['wp_user_roles']);
  // WordPress still accepts a plain MD5 password hash (and rehashes it at the first log-in).
  sql(`INSERT INTO wp_users (user_login, user_pass, user_nicename, user_email, user_registered, display_name)
    VALUES ('${EDITOR}', MD5('editor-pass-1'), '${EDITOR}', '${EDITOR}@example.test', NOW(), 'Roles Editor')`);
  const id = sql(`SELECT ID FROM wp_users WHERE user_login = '${EDITOR}'`)[0]![0];
  sql(`INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (${id}, 'wp_capabilities', 'a:1:{s:6:"editor";b:1;}'), (${id}, 'wp_user_level', '7')`);
  browser = await launchBrowser();
  admin = await adminPage(browser);
  editor = await (await browser.newContext()).newPage();
  await logIn(editor, EDITOR, 'editor-pass-1');
  await editor.goto(`${siteUrl()}/wp-admin/profile.php`);
}, 120_000);

afterAll(async () => {
  restoreOptions?.();
  await browser?.close();
});

describe('settings: roles', () => {
  it("lists the roles with their two boxes; the administrator's are ticked and fixed", async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    const section = admin.locator('#leadtrail-roles');
    expect(await section.getByRole('columnheader').allInnerTexts()).toEqual(['Role', 'View reports', 'Answer chats']);
    for (const label of ['Administrator: View reports', 'Administrator: Answer chats']) {
      const box = admin.getByLabel(label, { exact: true });
      expect(await box.isChecked()).toBe(true);
      expect(await box.isDisabled()).toBe(true);
    }
    expect(await admin.getByLabel('Editor: View reports', { exact: true }).isChecked()).toBe(false);
    expect(await admin.getByLabel('Subscriber: Answer chats', { exact: true }).isChecked()).toBe(false);
  });

  it('an Editor is refused the Overview, granted it, sees it; revoked, is refused again', async () => {
    expect(await editorOpens('leadtrail-overview', '#leadtrail-overview')).toEqual({ status: 403, shown: false });
    expect(await editorReads()).toBe(403);

    expect(await saveRoles({ 'Editor: View reports': true })).toContain('Roles: saved.');
    expect(roleCaps('editor')).toContain('s:22:"leadtrail_view_reports";b:1;');
    expect(await editorOpens('leadtrail-overview', '#leadtrail-overview')).toEqual({ status: 200, shown: true });
    expect(await editorReads()).toBe(200);
    // The LeadTrail menu shows the Editor its Overview, and not the settings.
    expect(await editor.locator('#adminmenu a[href*="page=leadtrail-overview"]').count()).toBeGreaterThan(0);
    expect(await editor.locator('#adminmenu a[href$="page=leadtrail"]').count()).toBe(0);

    await saveRoles({ 'Editor: View reports': false });
    expect(roleCaps('editor')).not.toContain('leadtrail_view_reports');
    expect(await editorOpens('leadtrail-overview', '#leadtrail-overview')).toEqual({ status: 403, shown: false });
    expect(await editorReads()).toBe(403);
  });

  it('the same for the chat console', async () => {
    expect(await editorOpens('leadtrail-chats', '#leadtrail-chat-console')).toEqual({ status: 403, shown: false });

    await saveRoles({ 'Editor: Answer chats': true });
    expect(roleCaps('editor')).toContain('s:18:"leadtrail_operator";b:1;');
    expect(await editorOpens('leadtrail-chats', '#leadtrail-chat-console')).toEqual({ status: 200, shown: true });
    // Chats only: the reports stay closed.
    expect(await editorReads()).toBe(403);

    await saveRoles({ 'Editor: Answer chats': false });
    expect(await editorOpens('leadtrail-chats', '#leadtrail-chat-console')).toEqual({ status: 403, shown: false });
  });

  it('administrators keep both, whatever is posted', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    // A form edited by hand: the administrator's boxes enabled and unticked.
    await admin.evaluate(() =>
      document.querySelectorAll<HTMLInputElement>('#leadtrail-roles input[disabled]').forEach((box) => {
        box.disabled = false;
        box.checked = false;
      }),
    );
    await Promise.all([admin.waitForURL(/page=leadtrail&/), admin.click('#leadtrail-save-roles')]);
    expect(roleCaps('administrator')).toContain('s:22:"leadtrail_view_reports";b:1;');
    expect(roleCaps('administrator')).toContain('s:18:"leadtrail_operator";b:1;');
    expect((await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-chats`))?.status()).toBe(200);
  });

  it('refuses a role that does not exist, naming it, and changes nothing', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    await admin.getByLabel('Editor: View reports', { exact: true }).check();
    await admin.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('#leadtrail-roles input[value="author"]')!;
      box.value = 'no-such-<b>role</b>';
      box.checked = true;
    });
    await Promise.all([admin.waitForURL(/page=leadtrail&/), admin.click('#leadtrail-save-roles')]);
    const notice = (await admin.locator('.wrap').first().locator('.notice, .error').allInnerTexts()).join('\n');
    expect(notice).toContain('Roles: “no-such-<b>role</b>” is not a role of this site. Nothing was changed.');
    expect(roleCaps('editor')).not.toContain('leadtrail_view_reports');
  });

  it("refuses a save without the form's nonce", async () => {
    const response = await admin.request.post(`${siteUrl()}/wp-admin/admin-post.php`, {
      form: { action: 'leadtrail_save_roles', 'leadtrail_roles[leadtrail_view_reports][]': 'editor' },
    });
    expect(response.status()).toBe(403);
    expect(roleCaps('editor')).not.toContain('leadtrail_view_reports');
  });
});
