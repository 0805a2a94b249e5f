// What every browser-journey file shares: one Chromium per file (launched before its tests, closed after), a journey
// runner that keeps screenshots and HTML of every open page on failure, the axe-core scan (WCAG 2.0-2.2 A and AA),
// signing in and keyboard navigation. A feature's journeys live in their own `<feature>.test.mjs` file, which
// BrowserJourneysIT runs with the others.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
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
    results = await new AxeBuilder({ page: scanned }).withTags(WCAG).analyze();
  } finally {
    await scanner?.close();
  }
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `accessibility violations on ${state} (${page.url()})`);
}

export async function signIn(page, email) {
  await page.goto('/sign-in');
  await assertAccessible(page, 'the sign-in page');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
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
