// Browser journey through the practices: a service leader finds the IT hardware e-auction from the navigation, sees
// which councils adopted it and their verified savings, tries to record a move dated in the future (the error summary
// keeps what was typed), then records that their own council is exploring it and sees their council in the list of
// adopters. Every state is scanned with axe-core (WCAG 2.0, 2.1, 2.2 A and AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOM, journey, assertAccessible, signIn } from './support.mjs';

test('record that your council is exploring a practice', async () => {
  await journey('practices', {}, async (open) => {
    const tom = await open();
    await signIn(tom, TOM);
    await tom.getByRole('link', { name: 'Practices', exact: true }).click();
    assert.equal(await tom.locator('.govuk-service-navigation [aria-current]').innerText(), 'Practices');
    await assertAccessible(tom, 'the practice list');
    await tom.getByRole('link', { name: 'IT hardware e-auction' }).click();
    await tom.getByRole('heading', { name: 'IT hardware e-auction', level: 1 }).waitFor();
    assert.match(await tom.locator('#outcome-table').innerText(), /Verified/);
    await assertAccessible(tom, 'a practice page');

    const next = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await tom.locator('#move-stage-EXPLORING').check();
    await tom.locator('#move-day').fill(String(next.getDate()));
    await tom.locator('#move-day-month').fill(String(next.getMonth() + 1));
    await tom.locator('#move-day-year').fill(String(next.getFullYear()));
    await tom.getByRole('button', { name: 'Record the move' }).click();
    await tom.locator('.govuk-error-summary').waitFor();
    assert.match(await tom.locator('.govuk-error-summary').innerText(), /must be today or in the past/);
    assert.equal(await tom.locator('#move-day-year').inputValue(), String(next.getFullYear()), 'what was typed is kept');
    await assertAccessible(tom, 'a practice page with an error');

    const today = new Date();
    await tom.locator('#move-stage-EXPLORING').check();
    await tom.locator('#move-day').fill(String(today.getDate()));
    await tom.locator('#move-day-month').fill(String(today.getMonth() + 1));
    await tom.locator('#move-day-year').fill(String(today.getFullYear()));
    await tom.getByRole('button', { name: 'Record the move' }).click();
    await tom.getByText("Your council's move has been recorded").waitFor();
    assert.match(await tom.locator('#adopters').innerText(), /Camden\s+Exploring/);
    await assertAccessible(tom, 'the practice page after a move');
  });
});
