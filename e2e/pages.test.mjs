// Every page the practices, spread, retreats, boards, outputs, onboarding and group-settings features added, opened
// by the person who uses it and scanned with axe-core (WCAG 2.0–2.2 A and AA), and each form's bad input answered with
// the GOV.UK error summary, whose first link moves focus to the field, as a keyboard user reaches it. The journeys of
// each feature go further; this file makes sure no page of theirs is left unscanned. (The live board's form to draft
// a proposal from a cluster is checked in board.test.mjs, on the cluster that journey makes.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PASSWORD, TOM, journey, assertAccessible, assertErrorSummary, assertNavigationOnOneRow, linkEmailedTo, signIn,
  stableId,
} from './support.mjs';

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
    await assertErrorSummary(amara, 'scheduling a retreat with nothing filled in');
    await amara.goto('/retreats');
    const retreat = await follow(amara, /chief executives/i);
    await assertAccessible(amara, 'the chief executives\u2019 retreat, as its facilitator');
    await amara.goto(`${retreat}/people`);
    await assertAccessible(amara, 'the organiser\u2019s list');
    await amara.goto(`${retreat}/outputs`);
    await assertAccessible(amara, 'the retreat\u2019s actions and pledges');
    await amara.goto(`${retreat}/report`);
    await assertAccessible(amara, 'the retreat report');
    // A pledge of that retreat still open, whose council has adoption moves to fulfil it (ADR 22): its facilitator
    // may record either. Both forms, sent with nothing chosen, are refused.
    await amara.goto(`/commitments/${stableId('demo-output:pledge:tenants-into-work')}/progress`);
    await amara.getByRole('heading', { name: 'Fulfilled by an adoption move', level: 2 }).waitFor();
    await assertAccessible(amara, 'a pledge\u2019s progress, with the moves that could fulfil it');
    await amara.getByRole('button', { name: 'Record that it was fulfilled' }).click();
    await assertErrorSummary(amara, 'fulfilling a pledge with no move chosen', /Choose the adoption move/);
    await amara.getByRole('button', { name: 'Record progress' }).click();
    await assertErrorSummary(amara, 'recording progress with nothing chosen', /Choose how it is going/);

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

test('someone registers, confirms the emailed link and is approved by their organisation\u2019s administrator', async () => {
  // At 1280 px: the organisation administrator's navigation must fit on one row there.
  await journey('registration', { viewport: { width: 1280, height: 900 } }, async (open) => {
    const run = Date.now().toString(36);
    const sam = await open();
    await signIn(sam, SAM);
    await sam.goto('/admin/email-domains');
    await assertAccessible(sam, 'the organisations\u2019 email domains');
    await sam.getByRole('link', { name: 'Change email domains of City of London' }).click();
    await sam.getByRole('heading', { name: 'Email domains of City of London', level: 1 }).waitFor();
    await assertAccessible(sam, 'an organisation\u2019s email domains');
    await sam.getByLabel('Email domains').fill('Not a domain!');
    await sam.getByRole('button', { name: 'Save email domains' }).click();
    await assertErrorSummary(sam, 'email domains that are not domains');

    // Sam invites an administrator for Camden, who accepts the emailed invitation.
    const olu = `olu.adeyemi.${run}@camden.example`;
    await sam.goto('/admin/invitations');
    await sam.getByLabel('Full name').fill('Olu Adeyemi');
    await sam.getByLabel('Email address').fill(olu);
    await sam.getByLabel('Organisation').selectOption({ label: 'Camden' });
    await sam.getByLabel('Role').selectOption('ORGANISATION_ADMINISTRATOR');
    await sam.getByRole('button', { name: 'Send invitation' }).click();
    await sam.getByText('Invitation sent').first().waitFor();
    const organiser = await open();
    await organiser.goto(await linkEmailedTo(olu));
    await organiser.getByRole('heading', { name: 'Accept your invitation', level: 1 }).waitFor();
    await assertAccessible(organiser, 'accepting an invitation');
    await organiser.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await organiser.getByLabel('Enter the password again').fill(PASSWORD);
    await organiser.getByRole('button', { name: 'Accept and choose password' }).click();
    await organiser.waitForURL((url) => url.pathname === '/sign-in');
    await signIn(organiser, olu);
    await organiser.getByRole('heading', { name: 'Your organisation', level: 2 }).waitFor();
    await assertNavigationOnOneRow(organiser, 'An organisation administrator');
    await assertAccessible(organiser, 'an organisation administrator\u2019s home page');

    // Nia registers with the keyboard alone: refused empty, then sent.
    const nia = `nia.newcomer.${run}@camden.example`;
    const visitor = await open();
    await visitor.goto('/sign-in');
    await visitor.getByRole('link', { name: /Register with your work email/ }).click();
    await visitor.getByRole('heading', { name: 'Register for Collaborative', level: 1 }).waitFor();
    await assertAccessible(visitor, 'registering');
    await visitor.getByRole('button', { name: 'Register' }).focus();
    await visitor.keyboard.press('Enter');
    await assertErrorSummary(visitor, 'registering with nothing filled in',
      /^(?=[\s\S]*Enter your full name)(?=[\s\S]*Enter your work email address)/);
    await visitor.keyboard.type('Nia Newcomer');
    await visitor.keyboard.press('Tab');
    await visitor.keyboard.type(nia);
    await visitor.keyboard.press('Tab');
    await visitor.keyboard.type('Housing officer');
    await visitor.keyboard.press('Tab');
    assert.equal(await visitor.evaluate(() => document.activeElement?.textContent?.trim()), 'Register');
    await visitor.keyboard.press('Enter');
    await visitor.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor();
    await assertAccessible(visitor, 'a registration sent');

    // The emailed link: a password is refused empty, then chosen; Camden's administrator approves people.
    await visitor.goto(await linkEmailedTo(nia));
    await visitor.getByRole('heading', { name: 'Confirm your email address', level: 1 }).waitFor();
    await assertAccessible(visitor, 'confirming an email address');
    await visitor.getByRole('button', { name: 'Choose password and register' }).click();
    await assertErrorSummary(visitor, 'confirming with no password', /Enter a password/);
    await visitor.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await visitor.getByLabel('Enter the password again').fill(PASSWORD);
    await visitor.getByRole('button', { name: 'Choose password and register' }).click();
    await visitor.getByRole('heading', { name: 'Your email address is confirmed', level: 1 }).waitFor();
    await assertAccessible(visitor, 'a registration waiting for approval');

    await sam.goto('/admin/registrations');
    await sam.getByRole('cell', { name: nia }).waitFor();
    await assertAccessible(sam, 'registrations waiting, as an administrator sees them');

    await organiser.getByRole('link', { name: 'Registrations', exact: true }).click();
    await organiser.getByRole('heading', { name: 'Registrations waiting for approval', level: 1 }).waitFor();
    await organiser.getByRole('cell', { name: nia }).waitFor();
    await assertAccessible(organiser, 'registrations waiting, as an organisation administrator sees them');
    await organiser.getByRole('link', { name: 'Decline Nia Newcomer' }).click();
    await assertAccessible(organiser, 'declining a registration');
    await organiser.getByRole('button', { name: 'Decline registration' }).click();
    await assertErrorSummary(organiser, 'declining a registration with no reason');
    await organiser.getByRole('link', { name: 'Back to registrations' }).click();
    await organiser.getByRole('button', { name: 'Approve Nia Newcomer' }).click();
    await organiser.getByText('Registration approved').waitFor();
    await assertAccessible(organiser, 'an approved registration');

    await signIn(visitor, nia);
    await visitor.getByRole('heading', { name: 'Welcome, Nia Newcomer', level: 1 }).waitFor();
  });
});
