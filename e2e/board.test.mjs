// A retreat session on the live board (issue 15): Amara facilitates; Tom and Priya take part with JavaScript, Mary
// without it. Cards posted by one appear on the others' boards within 2 s; Amara forms a cluster and moves cards into
// it with the keyboard alone (a "Move to cluster" list and button, no dragging), opens dot-voting, closes it and
// reveals the result, which the big screen shows. Refusals (an empty card, a vote beyond one's dots, a vote after
// voting closed) get the GOV.UK error summary. Amara then opens the retreat's report from the retreat page and
// downloads its PDF and CSV files. Every state is scanned with axe-core.
//
// The board is the demo's "Live board rehearsal" (DemoBoard in the workspace's seed): open, and empty until this runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  TOM, PRIYA, journey, assertAccessible, assertErrorSummary, signIn, stableId, tabTo, unique,
} from './support.mjs';

const AMARA = 'amara.okafor@londoncouncils.example';
const MARY = 'mary.doyle@lewisham.example';

const RETREAT = stableId('demo-retreat:live-board-rehearsal');
const SESSION = stableId('demo-session:live-board-rehearsal:plenary');
const BOARD = `/retreats/${RETREAT}/sessions/${SESSION}/board`;
const LIVE = { timeout: 2000 };

/** Waits, on each page, for the text to appear: started before the action, each within 2 s of it. */
function seenBy(pages, text) {
  return Promise.all(pages.map((page) => page.getByText(text, { exact: true }).first().waitFor(LIVE)));
}

test('a facilitator and three participants run a session on the live board', async () => {
  await journey('board', {}, async (open) => {
    const amara = await open();
    const tom = await open();
    const priya = await open();
    const mary = await open({ javaScriptEnabled: false });
    for (const [page, email] of [[amara, AMARA], [tom, TOM], [priya, PRIYA], [mary, MARY]]) {
      await signIn(page, email);
      // Notes when htmx's SSE extension has opened the board's live stream.
      await page.addInitScript(() => document.addEventListener('htmx:sseOpen', () => { window.boardLive = true; }));
      await page.goto(BOARD);
      await page.getByRole('heading', { name: 'Live board', level: 1 }).waitFor();
    }
    await assertAccessible(tom, 'the board, before any card');
    await assertAccessible(amara, "the board as the facilitator sees it");
    for (const page of [amara, tom, priya]) await page.waitForFunction(() => window.boardLive === true);

    // Tom posts an idea: Priya and Amara see it within 2 s, and hear about it politely.
    const tomsIdea = unique('Share one temporary accommodation team');
    await tom.getByLabel('Your card').fill(tomsIdea);
    let seen = seenBy([priya, amara], tomsIdea);
    await tom.getByRole('button', { name: 'Post card' }).click();
    await seen;
    assert.match(await priya.locator('#board-status').innerText(), /new card/);
    assert.equal(await priya.evaluate(() => document.activeElement === document.body || document.activeElement === null), true,
      'a new card does not take focus');
    await tom.getByText('Your card has been posted').first().waitFor();
    await assertAccessible(tom, 'the board after posting a card');
    await assertAccessible(priya, 'the board after a card arrived live');

    // Priya asks a question; Tom and Amara see it.
    const priyasQuestion = unique('Who holds the budget?');
    await priya.getByLabel('A question').check();
    await priya.getByLabel('Your card').fill(priyasQuestion);
    seen = seenBy([tom, amara], priyasQuestion);
    await priya.getByRole('button', { name: 'Post card' }).click();
    await seen;

    // Mary, without JavaScript: an empty card is refused, then she posts and the others see it live.
    await mary.getByRole('button', { name: 'Post card' }).click();
    await mary.locator('.govuk-error-summary').waitFor();
    assert.match(await mary.locator('.govuk-error-summary').innerText(), /Enter your card/);
    await assertAccessible(mary, 'the board with an error, without JavaScript');
    const marysIdea = unique('Buy agency staff together');
    await mary.getByLabel('Your card').fill(marysIdea);
    seen = seenBy([tom, priya, amara], marysIdea);
    await mary.getByRole('button', { name: 'Post card' }).click();
    await seen;
    await mary.getByText('Your card has been posted').first().waitFor();
    await mary.getByText(marysIdea, { exact: true }).waitFor();
    await assertAccessible(mary, 'the board after posting, without JavaScript');

    // Amara clusters with the keyboard alone.
    await amara.getByLabel('Form a cluster').focus();
    await amara.keyboard.type('Workforce');
    await amara.keyboard.press('Enter');
    await amara.getByRole('heading', { name: 'Workforce', level: 3 }).waitFor(LIVE);
    await tom.getByRole('heading', { name: 'Workforce', level: 3 }).waitFor(LIVE);
    for (const card of [tomsIdea, marysIdea]) {
      await amara.getByLabel(`Move to cluster: “${card}”`).focus();
      await amara.keyboard.press('ArrowDown');
      await amara.keyboard.press('Tab');
      assert.match(await amara.evaluate(() => document.activeElement.textContent.trim()), /^Move/);
      await amara.keyboard.press('Enter');
      await amara.locator('section', { has: amara.getByRole('heading', { name: 'Workforce' }) })
        .getByText(card, { exact: true }).waitFor(LIVE);
      assert.match(await amara.evaluate(() => document.activeElement.id), /^move-button-/,
        'focus stays on the card\'s Move button after the board refreshes');
    }
    await tom.locator('section', { has: tom.getByRole('heading', { name: 'Workforce' }) })
      .getByText(marysIdea, { exact: true }).waitFor(LIVE);
    await assertAccessible(amara, 'the board with a cluster');

    // Voting: 3 dots each.
    await amara.getByLabel('Dots for each person').fill('3');
    seen = Promise.all([tom, priya].map((page) => page.getByText('Voting is open.').first().waitFor(LIVE)));
    await amara.getByRole('button', { name: 'Open voting' }).click();
    await seen;
    await assertAccessible(tom, 'the board with voting open');

    const tomsCard = tom.locator('li', { hasText: tomsIdea });
    await tom.getByRole('button', { name: `Add a dot to “${tomsIdea}”` }).click();
    await tomsCard.getByText('Your dots on this card: 1').waitFor(LIVE);
    await tom.getByRole('button', { name: `Add a dot to “${tomsIdea}”` }).click();
    await tomsCard.getByText('Your dots on this card: 2').waitFor(LIVE);
    await tom.getByRole('button', { name: `Add a dot to “${priyasQuestion}”` }).click();
    await tom.locator('#voting-state').getByText('You have 0 of 3 dots left').waitFor(LIVE);
    await tom.getByRole('button', { name: `Add a dot to “${marysIdea}”` }).click();
    await tom.locator('.govuk-error-summary').waitFor();
    assert.match(await tom.locator('.govuk-error-summary').innerText(), /You have used all your 3 dots/);
    await assertAccessible(tom, 'the board with a vote beyond one\'s dots refused');
    await tom.getByRole('button', { name: `Take back a dot from “${tomsIdea}”` }).click();
    await tomsCard.getByText('Your dots on this card: 1').waitFor(LIVE);
    // Taken back, the dot can go on again until voting closes: Tom's idea leads with 2 dots.
    await tom.getByRole('button', { name: `Add a dot to “${tomsIdea}”` }).click();
    await tomsCard.getByText('Your dots on this card: 2').waitFor(LIVE);

    await mary.goto(BOARD);
    await mary.getByRole('button', { name: `Add a dot to “${marysIdea}”` }).click();
    await mary.getByText('Dot placed').first().waitFor();
    await assertAccessible(mary, 'the board after voting, without JavaScript');

    // Nobody sees a total before the reveal.
    assert.equal(await priya.locator('#results').count(), 0);
    // A card's total is a line of its own ("3 dots"); the reader's own "3 of 3 dots left" is not a total.
    assert.doesNotMatch(await priya.locator('#board-content').innerText(), /^\d+ dots?$/m);

    // Voting closes; Mary's page still shows a button, and her late vote is refused.
    seen = tom.getByText('Voting has closed.').first().waitFor(LIVE);
    await amara.getByRole('button', { name: 'Close voting' }).click();
    await seen;
    await mary.getByRole('button', { name: `Add a dot to “${tomsIdea}”` }).click();
    await mary.locator('.govuk-error-summary').waitFor();
    assert.match(await mary.locator('.govuk-error-summary').innerText(), /Voting has closed/);
    await assertAccessible(mary, 'a vote after voting closed, without JavaScript');

    // The reveal: everyone sees the results, most dots first; the big screen too.
    seen = Promise.all([tom, priya].map((page) => page.getByRole('heading', { name: 'Results' }).waitFor(LIVE)));
    await amara.getByRole('button', { name: 'Reveal the results' }).click();
    await seen;
    const first = await tom.locator('#results tbody tr').first().innerText();
    assert.match(first, new RegExp(tomsIdea.replace(/[()]/g, '\\$&')));
    await assertAccessible(tom, 'the revealed results');
    await amara.getByRole('link', { name: /big screen/ }).click();
    await amara.getByRole('heading', { name: 'Live board', level: 1 }).waitFor();
    assert.match(await amara.locator('#projected').innerText(), /2 dots/);
    await assertAccessible(amara, 'the big screen');
    await mary.goto(BOARD);
    await mary.getByRole('heading', { name: 'Results' }).waitFor();
    await assertAccessible(mary, 'the revealed results, without JavaScript');

    // A proposal drafted from the cluster (ADR 21 §7): the form comes filled in from the board, and, emptied, is
    // refused with every problem at once. (The rehearsal has no themes, so no working group to choose: it stops here.)
    await amara.goto(BOARD);
    await amara.getByRole('link', { name: 'Draft a proposal from Workforce' }).click();
    await amara.getByRole('heading', { name: 'Draft a proposal from this cluster', level: 1 }).waitFor();
    assert.equal(await amara.locator('#title').inputValue(), 'Workforce');
    assert.ok((await amara.locator('#summary').inputValue()).includes(marysIdea), 'the summary lists the cluster\'s cards');
    await assertAccessible(amara, 'drafting a proposal from a cluster');
    await amara.locator('#title').fill('');
    await amara.locator('#summary').fill('');
    await amara.getByRole('button', { name: 'Save as draft' }).click();
    await assertErrorSummary(amara, 'a proposal from a cluster with nothing filled in',
      /^(?=[\s\S]*Enter what you propose)(?=[\s\S]*Enter a summary)(?=[\s\S]*Choose the working group)/);

    // Every control of the board is reached with the Tab key.
    await amara.goto(BOARD);
    await tabTo(amara, 'Close the board');

    // The retreat's outputs (ADR 22): from the retreat page to its report, which shows the revealed cluster; the PDF
    // downloads as a PDF and the CSV files as CSV, each fetched with Amara's session.
    await amara.goto(`/retreats/${RETREAT}`);
    await amara.getByRole('link', { name: 'Retreat report' }).click();
    await amara.locator('#report-body')
      .getByRole('heading', { name: /^Workforce \(\d+ dots?\)$/, level: 4 }).first().waitFor();
    await assertAccessible(amara, 'the retreat report');
    const [pdf] = await Promise.all([
      amara.waitForEvent('download'),
      amara.getByRole('link', { name: 'The report as PDF' }).click(),
    ]);
    assert.match(pdf.suggestedFilename(), /-report\.pdf$/);
    const downloaded = await readFile(await pdf.path());
    assert.equal(downloaded.subarray(0, 5).toString('latin1'), '%PDF-');
    for (const [name, type, first] of [
      ['The report as PDF', /^application\/pdf$/, /^%PDF-/],
      ['The actions as CSV', /^text\/csv;charset=UTF-8$/i, /^"Action",/],
      ['The pledges as CSV', /^text\/csv;charset=UTF-8$/i, /^"Pledge",/],
    ]) {
      const response = await amara.request.get(await amara.getByRole('link', { name }).getAttribute('href'));
      assert.equal(response.status(), 200, name);
      assert.match(response.headers()['content-type'], type, name);
      assert.match((await response.body()).subarray(0, 16).toString('latin1'), first, name);
    }
  });
});
