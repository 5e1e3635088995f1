// WordPress's privacy tools (Tools > Export / Erase Personal Data) driven as an admin does it.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { siteUrl } from './wp';
import { unzip } from './zip';

export type ExportItem = Array<{ name: string; value: string }>;
export type Report = Record<string, { group_label: string; items: Record<string, ExportItem> }>;

/** An item's fields as `{label: value}`. */
export const fields = (item: ExportItem | undefined) => Object.fromEntries((item ?? []).map(({ name, value }) => [name, value]));

/** Adds a privacy request of `screen` for `email`, confirmed by the admin (no e-mail), and returns its row. */
async function addConfirmedRequest(page: Page, screen: 'export-personal-data' | 'erase-personal-data', email: string) {
  await page.goto(`${siteUrl()}/wp-admin/${screen}.php`);
  await page.fill('#username_or_email_for_privacy_request', email);
  await page.uncheck('#send_confirmation_email');
  await page.click('#submit');
  await page.locator('.notice-success', { hasText: 'Request added successfully.' }).waitFor();
  // The notice is on the answer's page, whose footer scripts (privacy-tools.js, which handles the
  // row's buttons) may still be loading: a click before then does nothing.
  await page.waitForLoadState('load');
  const row = page.locator('tr.status-request-confirmed', { hasText: email });
  await row.hover();
  return row;
}

/** Downloads the export of `email` on `page` (logged in as the admin): the report and the archive's files. */
export async function downloadExport(page: Page, email: string): Promise<{ report: Report; files: Map<string, Buffer> }> {
  const row = await addConfirmedRequest(page, 'export-personal-data', email);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    row.getByRole('button', { name: 'Download personal data', exact: true }).click(),
  ]);
  await page.locator('tr.request-results', { hasText: 'This user’s personal data export file was downloaded.' }).waitFor();
  const files = unzip(fs.readFileSync((await download.path())!));
  const report = Object.values(JSON.parse(files.get('export.json')!.toString('utf8')) as Record<string, Report>)[0]!;
  return { report, files };
}

/** Erases the data of `email` on `page` (logged in as the admin), waiting until all of it is; answers the erasers' messages. */
export async function erase(page: Page, email: string): Promise<string[]> {
  const row = await addConfirmedRequest(page, 'erase-personal-data', email);
  await row.getByRole('button', { name: 'Erase personal data', exact: true }).click();
  const results = page.locator('tr.request-results', { hasText: 'All of the personal data found for this user was erased.' });
  await results.waitFor({ timeout: 60_000 });
  return results.locator('li').allInnerTexts();
}
