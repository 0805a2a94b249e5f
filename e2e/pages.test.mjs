// Every page the practices, spread, retreats, boards, outputs, onboarding and group-settings features added, opened
// by the person who uses it and scanned with axe-core (WCAG 2.0–2.2 A and AA), and each form's bad input answered with
// the GOV.UK error summary, whose first link moves focus to the field, as a keyboard user reaches it. The journeys of
// each feature go further; this file makes sure no page of theirs is left unscanned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOM, journey, assertAccessible, signIn } from './support.mjs';

const AMARA = 'amara.okafor@londoncouncils.example';
const SAM = 'sam.lee@londoncouncils.example';

/** Opens the first link whose text matches, and returns its address. */
async function follow(page, name) {
  const link = page.getByRole('link', { name }).first();
  const href = await link.getAttribute('href');
  await page.goto(href);
  return href;
}

test('every new page passes the accessibility scan, for the people who use it', async () => {
  await journey('pages', {}, async (open) => {
    const tom = await open();
    await signIn(tom, TOM);
    await tom.goto('/practices');
    await assertAccessible(tom, 'the practices');
    const practice = await follow(tom, /e-auction/i);
    await assertAccessible(tom, 'a practice with its spread');
    await tom.goto(`${practice}/spread`);
    await assertAccessible(tom, 'the spread views alone');
    await tom.goto(`${practice}/evidence`);
    await assertAccessible(tom, 'linking evidence to a practice of his council');
    await tom.goto('/savings');
    await assertAccessible(tom, 'the savings ledger');
    await tom.goto('/retreats');
    await assertAccessible(tom, 'the retreats');
    await follow(tom, /conference/i);
    await assertAccessible(tom, 'an open conference');
    await tom.goto('/commitments');
    await assertAccessible(tom, 'my commitments');
    await tom.goto('/profile/password');
    await assertAccessible(tom, 'changing my password');

    const amara = await open();
    await signIn(amara, AMARA);
    await amara.goto('/participation');
    await assertAccessible(amara, 'the participation dashboard');
    await amara.goto('/themes/behaviour-change');
    const group = await follow(amara, /Nudging recycling/i);
    await amara.goto(`${group}/edit`);
    await assertAccessible(amara, 'renaming or archiving a working group she facilitates');
    await amara.goto('/practices');
    const auction = await follow(amara, /e-auction/i);
    await amara.goto(`${auction}/edit`);
    await assertAccessible(amara, 'changing a practice');
    await amara.goto('/retreats/new');
    await assertAccessible(amara, 'scheduling a retreat');
    await amara.getByRole('button', { name: /schedule/i }).click();
    const summary = amara.locator('.govuk-error-summary');
    await summary.waitFor();
    await assertAccessible(amara, 'scheduling a retreat with nothing filled in');
    // The keyboard path from the summary to the field it names.
    await summary.getByRole('link').first().focus();
    await amara.keyboard.press('Enter');
    const focused = await amara.evaluate(() => document.activeElement?.tagName);
    assert.match(focused, /INPUT|TEXTAREA|SELECT/, 'the error link moves focus to its field');
    await amara.goto('/retreats');
    const retreat = await follow(amara, /chief executives/i);
    await assertAccessible(amara, 'the chief executives\u2019 retreat, as its facilitator');
    await amara.goto(`${retreat}/people`);
    await assertAccessible(amara, 'the organiser\u2019s list');
    await amara.goto(`${retreat}/outputs`);
    await assertAccessible(amara, 'the retreat\u2019s actions and pledges');
    await amara.goto(`${retreat}/report`);
    await assertAccessible(amara, 'the retreat report');

    const sam = await open();
    await signIn(sam, SAM);
    await sam.goto('/admin/invitations');
    await assertAccessible(sam, 'invitations');
    await sam.goto('/admin/invitations/import');
    await assertAccessible(sam, 'importing people');
    await sam.goto('/admin/finance-officers');
    await assertAccessible(sam, 'the finance officers');

    const signedOut = await open();
    await signedOut.goto('/password/forgotten');
    await assertAccessible(signedOut, 'a forgotten password');
  });
});
