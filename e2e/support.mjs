// What every browser-journey file shares: one Chromium per file (launched before its tests, closed after), a journey
// runner that keeps screenshots and HTML of every open page on failure, the axe-core scan (WCAG 2.0-2.2 A and AA),
// signing in and keyboard navigation. A feature's journeys live in their own `<feature>.test.mjs` file, which
// BrowserJourneysIT runs with the others against the seeded demo; those that need an install without the demo live in
// `demo-off/`, which OnboardingIT runs against its own.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
export const PASSWORD = 'collaborate-in-london';
export const TOM = 'tom.hughes@camden.example';
export const PRIYA = 'priya.shah@hackney.example';
export const RESULTS = new URL('./test-results/', import.meta.url);
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export let browser;
export const withoutJavaScript = new WeakSet();

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/** Runs a journey in fresh browser contexts; on failure keeps a screenshot and the HTML of every open page. */
export async function journey(name, options, steps) {
  const contexts = [];
  const open = async (extra = {}) => {
    const settings = { ...options, ...extra };
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1100, height: 900 }, ...settings });
    contexts.push(context);
    const page = await context.newPage();
    if (settings.javaScriptEnabled === false) withoutJavaScript.add(page);
    return page;
  };
  try {
    await steps(open);
  } catch (failure) {
    mkdirSync(RESULTS, { recursive: true });
    let n = 0;
    for (const context of contexts) {
      for (const page of context.pages()) {
        const file = `${name}-${n++}`;
        await page.screenshot({ path: new URL(`${file}.png`, RESULTS).pathname, fullPage: true }).catch(() => {});
        writeFileSync(new URL(`${file}.html`, RESULTS), `<!-- ${page.url()} -->\n` + await page.content().catch(() => ''));
      }
    }
    throw failure;
  } finally {
    for (const context of contexts) await context.close();
  }
}

/**
 * No WCAG A or AA violations on the page as it is now. axe runs inside the page, so a page without JavaScript is
 * scanned as a copy: its HTML, scripts removed, loaded at the same address in a scanning page.
 */
export async function assertAccessible(page, state) {
  let scanned = page;
  let scanner;
  if (withoutJavaScript.has(page)) {
    scanner = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1100, height: 900 } });
    scanned = await scanner.newPage();
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    await scanned.route(page.url(), (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await scanned.goto(page.url());
  }
  // A click that navigates returns once the new page has been committed, not once its stylesheets have loaded:
  // scan the page as the reader gets it, styled.
  await scanned.waitForLoadState('load');
  let results;
  try {
    // axe.run in the page itself ("legacy mode"), reporting the nodes of violations only: about 0.6 s a scan instead
    // of 1.25 s on two cores (the default runs axe in each frame and then again in a new blank page to merge the
    // frames' results; our pages have no frames). Every rule of the tags still runs.
    // (options() replaces the whole options object, so it comes before withTags(), which adds runOnly to it.)
    results = await new AxeBuilder({ page: scanned })
      .options({ resultTypes: ['violations'] })
      .withTags(WCAG)
      .setLegacyMode(true)
      .analyze();
  } finally {
    await scanner?.close();
  }
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `accessibility violations on ${state} (${page.url()})`);
}

let signInPageScanned = false;

/**
 * Signs in from the sign-in page (with the demo's password unless another is given). The page is the same for
 * everyone: it is scanned the first time a journey file signs someone in (`scan: false` skips even that).
 */
export async function signIn(page, email, { scan = true, password = PASSWORD } = {}) {
  await page.goto('/sign-in');
  if (scan && !signInPageScanned) {
    await assertAccessible(page, 'the sign-in page');
    signInPageScanned = true;
  }
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Presses Tab until the focused element's text matches, as a keyboard user would; fails after 200 presses. */
export async function tabTo(page, text) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return;
  }
  assert.fail(`could not reach "${text}" with the Tab key`);
}

export const unique = (what) => `${what} (${Date.now().toString(36)})`;

/**
 * The GOV.UK error summary of a refused form: it takes focus, the page passes the scan, and its first link, followed
 * with the keyboard, moves focus to the field it names.
 */
export async function assertErrorSummary(page, state, message) {
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  if (message) assert.match(await summary.innerText(), message);
  assert.match(await page.title(), /^Error: (?!Error: )/, `the title of ${state} says there is an error, once`);
  // GOV.UK Frontend (a module script, run once the page is parsed) moves focus to the summary: the summary can be
  // visible before that has run, so wait for the page's load and then, briefly, for the focus.
  await page.waitForLoadState('load');
  const summaryFocused = await page.waitForFunction(
    () => document.activeElement?.classList.contains('govuk-error-summary'), null, { timeout: 5000 })
    .then(() => true, () => false);
  assert.equal(summaryFocused, true, `the error summary takes focus on ${state}`);
  await assertAccessible(page, state);
  await summary.getByRole('link').first().focus();
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  assert.match(focused, /INPUT|TEXTAREA|SELECT/, `the first error link on ${state} moves focus to its field`);
}

/** The items of the service navigation all sit on one row (at the page's width). */
export async function assertNavigationOnOneRow(page, name) {
  const rows = await page.locator('.govuk-service-navigation__item').evaluateAll(
    (items) => [...new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)))]);
  assert.equal(rows.length, 1, `${name}'s navigation fits one row at ${page.viewportSize().width} px (rows at ${rows})`);
}

/**
 * The path of the newest link emailed to the address (an invitation, a registration's confirmation, a password reset),
 * as the embedded SMTP server received it: the test running the journeys serves its mailbox at MAILBOX_URL
 * (BrowserJourneys.java). Waits up to 20 s for it to arrive; with `besides`, for a newer link than that one.
 */
export async function linkEmailedTo(address, { besides } = {}) {
  assert.ok(process.env.MAILBOX_URL, 'MAILBOX_URL: the test running the journeys serves the embedded SMTP server\'s mailbox');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${process.env.MAILBOX_URL}/links?to=${encodeURIComponent(address)}`);
    const links = (await response.text()).split('\n').filter((line) => line.length > 0);
    if (links.length > 0 && links.at(-1) !== besides) return links.at(-1);
    assert.ok(Date.now() < deadline, `an email with a link reached ${address} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The demo seed's ids: Java's UUID.nameUUIDFromBytes (an MD5, version 3, UUID). */
export function stableId(name) {
  const hash = createHash('md5').update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x30;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
