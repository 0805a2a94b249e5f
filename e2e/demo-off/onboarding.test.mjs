// Issue 13's "Done when" in the browser, on an install with the demo workspace off (OnboardingIT runs this file
// against its own, after its operator has made the first administrator; BrowserJourneysIT, whose stack has the demo,
// never lists this folder). The administrator signs in, uploads a CSV file of ten people from Islington and Southwark,
// reads the preview and sends the invitations; each of the ten gets one on the embedded SMTP server, and one person
// from each council follows their link, chooses a password and signs in. The administrator gives Islington its email
// domain; a newcomer registers with an Islington address, confirms the emailed link, is told they wait, and is
// approved by the administrator. One of the invited people then resets a forgotten password by the emailed link.
// Every page state is scanned with axe-core (WCAG 2.0-2.2 A and AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, assertAccessible, linkEmailedTo, signIn } from '../support.mjs';

const ADMIN = process.env.ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
const COUNCILS = { Islington: 'islington.example', Southwark: 'southwark.example' };
const PEOPLE = Object.entries(COUNCILS).flatMap(([council, domain]) =>
  [1, 2, 3, 4, 5].map((n) => ({ name: `${council} Officer ${n}`, email: `officer${n}@${domain}`, council })));
const CHOSEN = 'walnut ferry lantern';

/** Follows an emailed link, chooses a password there, and lands on the sign-in page with its banner. */
async function choosePassword(page, link, { heading, button, state, password = CHOSEN }) {
  await page.goto(link);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await assertAccessible(page, state);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Enter the password again').fill(password);
  await page.getByRole('button', { name: button }).click();
}

test('a new install: the first administrator invites ten people from a file, a newcomer registers, someone resets a password', async () => {
  assert.ok(ADMIN && ADMIN_PASSWORD, 'ADMIN_EMAIL and ADMIN_PASSWORD: the administrator OnboardingIT\'s operator made');
  await journey('onboarding', {}, async (open) => {
    const admin = await open();
    await signIn(admin, ADMIN, { password: ADMIN_PASSWORD });
    await admin.getByRole('heading', { name: /^Welcome, /, level: 1 }).waitFor();
    await assertAccessible(admin, 'the first administrator\u2019s home page, on an install with no demo');

    // The file: ten people, two councils; previewed row by row before anyone is invited.
    await admin.goto('/admin/invitations');
    await admin.getByRole('link', { name: 'upload a CSV file' }).click();
    await admin.getByRole('heading', { name: 'Invite people from a file', level: 1 }).waitFor();
    await assertAccessible(admin, 'importing people, on a new install');
    const csv = ['name,email,organisation,role,job title',
      ...PEOPLE.map((p) => `${p.name},${p.email},${p.council},Service leader,Housing officer`)].join('\r\n');
    await admin.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: 'Preview' }).click();
    await admin.getByRole('heading', { name: 'Check the people to invite', level: 1 }).waitFor();
    await assertAccessible(admin, 'the preview of ten people to invite');
    assert.match(await admin.locator('#file').innerText(), /10 to invite[\s\S]*0 already have an account[\s\S]*0 with problems/);
    const rows = await admin.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    assert.deepEqual(rows.map((r) => [r[2], r[3], r[5]]), PEOPLE.map((p) => [p.email, p.council, 'Invite']));
    await admin.getByRole('button', { name: 'Send 10 invitations' }).click();
    await admin.getByText('10 invitations sent').waitFor();
    await assertAccessible(admin, 'ten invitations sent, waiting to be accepted');
    assert.equal(await admin.getByRole('button', { name: /^Revoke invitation of/ }).count(), 10);

    // Every one of them has their invitation; one from each council accepts it and signs in.
    const invitations = new Map();
    for (const person of PEOPLE) invitations.set(person.email, await linkEmailedTo(person.email));
    for (const person of [PEOPLE[0], PEOPLE[5]]) {
      const page = await open();
      await choosePassword(page, invitations.get(person.email), {
        heading: 'Accept your invitation', button: 'Accept and choose password', state: `${person.name}\u2019s invitation`,
      });
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await page.getByText('Your password is set').waitFor();
      if (person === PEOPLE[0]) await assertAccessible(page, 'signing in with the password just chosen');
      await signIn(page, person.email, { password: CHOSEN });
      await page.getByRole('heading', { name: `Welcome, ${person.name}`, level: 1 }).waitFor();
      if (person === PEOPLE[0]) await assertAccessible(page, 'a new member\u2019s home page, on an install with no demo');
    }

    // Islington takes part in self-registration: the administrator gives it its email domain.
    await admin.goto('/admin/email-domains');
    await admin.getByRole('link', { name: 'Change email domains of Islington' }).click();
    await admin.getByRole('heading', { name: 'Email domains of Islington', level: 1 }).waitFor();
    await admin.getByLabel('Email domains').fill(COUNCILS.Islington);
    await admin.getByLabel('They wait until an administrator of the organisation approves them').check();
    await admin.getByRole('button', { name: 'Save email domains' }).click();
    await admin.getByRole('heading', { name: 'Organisations\u2019 email domains', level: 1 }).waitFor();
    await assertAccessible(admin, 'the email domains, Islington\u2019s saved');

    // A newcomer at Islington registers, confirms the emailed link and is told they wait.
    const newcomer = { name: 'Nadia Newcomer', email: `nadia.newcomer@${COUNCILS.Islington}` };
    const visitor = await open();
    await visitor.goto('/sign-in');
    await visitor.getByRole('link', { name: /Register with your work email/ }).click();
    await visitor.getByLabel('Full name').fill(newcomer.name);
    await visitor.getByLabel('Work email address').fill(newcomer.email);
    await visitor.getByRole('button', { name: 'Register' }).click();
    await visitor.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor();
    await choosePassword(visitor, await linkEmailedTo(newcomer.email), {
      heading: 'Confirm your email address', button: 'Choose password and register', state: 'confirming an Islington address',
    });
    await visitor.getByRole('heading', { name: 'Your email address is confirmed', level: 1 }).waitFor();
    await assertAccessible(visitor, 'a registration waiting for approval, on a new install');
    await visitor.goto('/sign-in');
    await visitor.getByLabel('Email address').fill(newcomer.email);
    await visitor.getByLabel('Password').fill(CHOSEN);
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.getByText(/waiting for approval/).first().waitFor();
    await assertAccessible(visitor, 'signing in while waiting for approval');

    // The administrator approves them; they sign in.
    await admin.goto('/admin/registrations');
    await admin.getByRole('cell', { name: newcomer.email }).waitFor();
    await assertAccessible(admin, 'a registration waiting, on a new install');
    await admin.getByRole('button', { name: `Approve ${newcomer.name}` }).click();
    await admin.getByText('Registration approved').waitFor();
    await signIn(visitor, newcomer.email, { password: CHOSEN });
    await visitor.getByRole('heading', { name: `Welcome, ${newcomer.name}`, level: 1 }).waitFor();

    // Southwark's officer forgot the password they chose: a reset link by email, a new password, signed in with it.
    const forgetful = PEOPLE[5];
    const page = await open();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await assertAccessible(page, 'a forgotten password');
    await page.getByLabel('Email address').fill(forgetful.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor();
    await assertAccessible(page, 'a reset link sent');
    const reset = await linkEmailedTo(forgetful.email, { besides: invitations.get(forgetful.email) });
    await choosePassword(page, reset, {
      heading: 'Choose a new password', button: 'Save new password', state: 'choosing a new password', password: 'copper kettle dawn',
    });
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByText('Your password has been changed').waitFor();
    await assertAccessible(page, 'signing in after a reset');
    await signIn(page, forgetful.email, { password: 'copper kettle dawn' });
    await page.getByRole('heading', { name: `Welcome, ${forgetful.name}`, level: 1 }).waitFor();
  });
});
