// WooCommerce orders captured as sales, with the released WooCommerce (the zips of `sharedPlugins`, test/harness/paths.mjs)
// installed into the e2e site: a guest buys a product in Chromium through the classic checkout
// (the [woocommerce_checkout] shortcode, posted by WooCommerce's script) and through the block
// checkout (the Checkout block, posted as JSON to the Store API), paying Cash on delivery. Each order
// must be exactly one request that is a sale of the order's total, attributed to the visitor,
// session and hit of the checkout page, however often the buyer clicks or reloads the thank-you
// page; WooCommerce's own order and e-mails stay as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { whenReady, type Credentials } from './lib/visitor';
import { caughtMails, keepOptions, setOption, siteUrl, sql } from './lib/wp';
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

// How long WooCommerce's answer may take on a busy machine (a poll's default is one second).
const answer = { timeout: 30_000 };

type Ids = { visitor_id: string; session_id: string; hit_id: string; uri: string };

const salesOf = (visitorId: string) =>
  sql(`SELECT source, name, email, phone, message, form_name, is_sale, sale_cost, visitor_id, session_id, hit_id, page_url
    FROM wp_leadtrail_requests WHERE visitor_id = ${visitorId} AND source = 'woocommerce' ORDER BY id`);

/** WooCommerce's own record of the order: its status, total and billing e-mail. */
const orderOf = (orderId: string) => sitePhp('woocommerce-order.php', orderId);

describe.runIf(havePlugins('capture-real-woocommerce.test.ts', ['woocommerce']))('WooCommerce 10 orders', () => {
  let productUrl: string;
  let classicUrl: string;
  let blockUrl: string;

  // Installed and its store set up once for the file: unpacking and activating it is slow.
  beforeAll(() => {
    deactivate.push(installPlugin('woocommerce'));
    productUrl = sitePhp('woocommerce-store.php');
    classicUrl = formPage('classic-checkout', 'Checkout (classic)', '[woocommerce_checkout]');
    // Activating WooCommerce makes its Checkout page, holding the Checkout block.
    blockUrl = `${siteUrl()}/checkout/`;
  });

  /** A new guest with `quantity` of the product in the cart. */
  async function guestWithCart(quantity: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(productUrl);
    await page.evaluate(whenReady);
    await page.locator('form.cart input[name=quantity]').fill(String(quantity));
    await Promise.all([page.waitForNavigation(), page.locator('form.cart button[name=add-to-cart]').click()]);
    return { context, page };
  }

  /** Waits for the thank-you page; answers the order's id from its address. */
  async function orderReceived(page: Page): Promise<string> {
    await page.waitForURL(/order-received\/\d+/, answer);
    await expect.poll(() => page.getByText('Thank you. Your order has been received.').count(), answer).toBeGreaterThan(0);
    return /order-received\/(\d+)/.exec(page.url())![1]!;
  }

  it('classic checkout: a double-clicked "Place order" and a reloaded thank-you page make one sale of the order total, with the checkout page’s hit', async () => {
    const { context, page } = await guestWithCart(2);
    await page.goto(classicUrl);
    const credentials = (await page.evaluate(whenReady)) as Credentials;
    const form = 'form.checkout';
    await expect.poll(() => page.locator(`${form} input[name=hit_id]`).count(), answer).toBe(1);
    const ids: Ids = {
      visitor_id: String(credentials.visitor_id),
      session_id: String(credentials.session_id),
      hit_id: await page.locator(`${form} input[name=hit_id]`).inputValue(),
      uri: await page.locator(`${form} input[name=uri]`).inputValue(),
    };
    await page.locator('#billing_first_name').fill('Иван');
    await page.locator('#billing_last_name').fill('Петров');
    await page.locator('#billing_address_1').fill('1 Main St');
    await page.locator('#billing_city').fill('Los Angeles');
    await page.locator('#billing_postcode').fill('90001');
    await page.locator('#billing_phone').fill('+7 912 345 6789');
    await page.locator('#billing_email').fill('ivan.classic@example.com');
    await page.locator('#order_comments').fill('Позвоните до 18:00');
    await page.locator('#payment_method_cod').check();
    await page.locator('#place_order').dblclick();
    const orderId = await orderReceived(page);
    await page.reload();
    await expect.poll(() => page.getByText('Thank you. Your order has been received.').count(), answer).toBeGreaterThan(0);

    expect(salesOf(ids.visitor_id)).toEqual([
      [
        'woocommerce',
        'Иван Петров',
        'ivan.classic@example.com',
        '+7 912 345 6789',
        `Order #${orderId}: Чайник × 2\n\nПозвоните до 18:00`,
        'WooCommerce order',
        '1',
        '2590.50',
        ids.visitor_id,
        ids.session_id,
        ids.hit_id,
        ids.uri,
      ],
    ]);
    expect(Number(ids.hit_id)).toBeGreaterThan(0);
    expect(sql("SELECT COUNT(*) FROM wp_leadtrail_requests WHERE email = 'ivan.classic@example.com'")).toEqual([['1']]);
    // WooCommerce's own order and e-mails, as without LeadTrail.
    expect(orderOf(orderId)).toBe('processing 2590.50 ivan.classic@example.com cod');
    expect(caughtMails()).toContain(`#${orderId}`);
    await context.close();
  });

  it('block checkout (Store API): a double-clicked "Place Order" and a reloaded thank-you page make one sale of the order total, with the checkout page’s hit', async () => {
    const { context, page } = await guestWithCart(1);
    await page.goto(blockUrl);
    const credentials = (await page.evaluate(whenReady)) as Credentials;
    await page.getByLabel('Email address').fill('ivan.block@example.com');
    await page.getByLabel('First name').fill('Иван');
    await page.getByLabel('Last name').fill('Петров');
    await page.getByLabel('Address', { exact: true }).fill('1 Main St');
    await page.getByLabel('City').fill('Los Angeles');
    await page.getByLabel('ZIP Code').fill('90001');
    await page.getByLabel('Phone (optional)').fill('+7 912 345 6789');
    await page.getByLabel('Add a note to your order').check();
    await page.locator('.wc-block-checkout__order-notes textarea').fill('Блочный заказ');
    await page.getByRole('button', { name: 'Place Order' }).dblclick();
    const orderId = await orderReceived(page);
    await page.reload();
    await expect.poll(() => page.getByText('Thank you. Your order has been received.').count(), answer).toBeGreaterThan(0);

    const visitorId = String(credentials.visitor_id);
    expect(salesOf(visitorId)).toEqual([
      [
        'woocommerce',
        'Иван Петров',
        'ivan.block@example.com',
        '+7 912 345 6789',
        `Order #${orderId}: Чайник × 1\n\nБлочный заказ`,
        'WooCommerce order',
        '1',
        '1295.25',
        visitorId,
        String(credentials.session_id),
        String(credentials.hit_id),
        credentials.uri,
      ],
    ]);
    expect(credentials.uri).toBe(blockUrl);
    expect(sql("SELECT COUNT(*) FROM wp_leadtrail_requests WHERE email = 'ivan.block@example.com'")).toEqual([['1']]);
    expect(orderOf(orderId)).toBe('processing 1295.25 ivan.block@example.com cod');
    expect(caughtMails()).toContain(`#${orderId}`);
    await context.close();
  });
});
