// Browser journey through the practices: a service leader finds the IT hardware e-auction from the navigation, sees
// which councils adopted it on the London tile map and the S-curve, with their savings (cashable and non-cashable
// apart), and the peer lens for their council; tries to record a move dated in the future (the error summary keeps
// what was typed), then records that their own council is exploring it and sees it on the map, in the peer lens and
// among the adopters. The chief executive of a neighbouring borough then previews their next digest and reads that
// move there. Every chart's table twin is read and compared with what the chart draws. Every state is scanned with
// axe-core (WCAG 2.0, 2.1, 2.2 A and AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOM, journey, assertAccessible, signIn } from './support.mjs';

const CAMDEN = 'E09000007';
// Islington's tile touches Camden's on the London grid (shared/data/london-boroughs.csv); the demo's chief executive
// of Islington.
const ISLINGTON_CHIEF = 'harjit.brennan@islington.example';
const ADOPTING = ['Piloting', 'Adopted', 'Embedded', 'Adapted'];
/** The demo's e-auction: ten councils joined it, each with a verified cashable saving (issue 14). */
const AUCTION_COUNCILS = 10;

const pounds = (text) => Number(text.replace(/[^0-9.]/g, '') || 0);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const day = (date) => `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
/** "12 March 2025" as a number of days since 1 January 1970. */
const dayNumber = (text) => {
  const [d, month, year] = text.split(' ');
  return Date.UTC(Number(year), MONTHS.indexOf(month), Number(d)) / 86400000;
};

/** The tile map as drawn (each tile's title, the code printed on it, its fill) and its table twin's rows. */
async function tileMap(page) {
  return page.evaluate(() => ({
    tiles: [...document.querySelectorAll('#spread-map svg g[data-organisation]')].map((g) => ({
      organisation: g.getAttribute('data-organisation'),
      title: g.querySelector('title').textContent.trim(),
      code: g.querySelector('.tile-code').textContent.trim(),
      fill: getComputedStyle(g.querySelector('rect.tile')).fill,
    })),
    rows: [...document.querySelectorAll('#map-table tbody tr')].map((tr) =>
      [...tr.cells].map((cell) => cell.textContent.trim())),
  }));
}

/**
 * What the S-curve draws, read back from its geometry: each marked point's day and count, worked out from where it is
 * placed against the axes' labelled ticks; and the rows of its table twin.
 */
async function curve(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#spread-curve svg');
    const ticks = (anchor) => [...svg.querySelectorAll(`.chart-axis text[text-anchor="${anchor}"]`)];
    const y = ticks('end').map((t) => ({ at: Number(t.getAttribute('y')) - 4, value: Number(t.textContent) }));
    const months = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
    const x = ticks('middle')
      .map((t) => ({ at: Number(t.getAttribute('x')), label: t.textContent.trim().split(' ') }))
      .filter((t) => t.label.length === 2 && t.label[0] in months)
      .map((t) => ({ at: t.at, value: Date.UTC(Number(t.label[1]), months[t.label[0]], 1) / 86400000 }));
    const scale = (axis, at) => {
      const [a, b] = [axis[0], axis[axis.length - 1]];
      return a.value + (at - a.at) * (b.value - a.value) / (b.at - a.at);
    };
    return {
      drawn: [...svg.querySelectorAll('.chart-points circle')].map((c) => ({
        day: scale(x, Number(c.getAttribute('cx'))),
        adopters: scale(y, Number(c.getAttribute('cy'))),
        title: c.querySelector('title').textContent.trim(),
      })),
      rows: [...document.querySelectorAll('#curve-table tbody tr')].map((tr) =>
        [...tr.cells].map((cell) => cell.textContent.trim())),
    };
  });
}

const cells = (page, selector) => page.locator(selector).evaluateAll((rows) =>
  rows.map((tr) => [...tr.cells].map((cell) => cell.textContent.trim())));

test('record that your council is exploring a practice, and a neighbouring chief executive reads it in their digest', async () => {
  await journey('practices', {}, async (open) => {
    const tom = await open();
    await signIn(tom, TOM);
    await tom.getByRole('link', { name: 'Practices', exact: true }).click();
    assert.equal(await tom.locator('.govuk-service-navigation [aria-current]').innerText(), 'Practices');
    await assertAccessible(tom, 'the practice list');
    await tom.getByRole('link', { name: 'IT hardware e-auction' }).click();
    await tom.getByRole('heading', { name: 'IT hardware e-auction', level: 1 }).waitFor();
    const practiceUrl = tom.url();
    // When this journey runs first on a fresh stack, the demo's history may still be reaching the two views the page
    // reads: wait until both hold the e-auction's ten councils (its adopters, and their verified savings).
    for (const end = Date.now() + 60000; ;) {
      const [adopting, saved] = await Promise.all([tom.locator('#adopters-table tbody tr').count(),
        tom.locator('#outcome-table tbody tr', { hasText: 'Verified' }).count()]);
      if (adopting === AUCTION_COUNCILS && saved === AUCTION_COUNCILS) break;
      assert.ok(Date.now() < end, `the demo's e-auction reached the views (${adopting} adopters, ${saved} savings)`);
      await tom.reload();
    }

    // The map: every tile says its stage in words (its title) and in two letters, and has its stage's pattern; the
    // table twin lists the same boroughs at the same stages. Camden, Tom's council, has no record yet.
    await tom.getByRole('img', { name: /^London boroughs by their stage with this practice/ }).waitFor();
    const before = await tileMap(tom);
    assert.equal(before.tiles.length, 33, 'one tile per London borough');
    assert.deepEqual(before.tiles.map((t) => t.title), before.rows.map(([name, stage]) => `${name}: ${stage}`),
      'the map and its table hold the same stages');
    assert.deepEqual(before.tiles.find((t) => t.organisation === CAMDEN),
      { organisation: CAMDEN, title: 'Camden: No record', code: '–', fill: 'rgb(255, 255, 255)' });
    for (const tile of before.tiles.filter((t) => !t.title.endsWith('No record'))) {
      const stage = tile.title.split(': ')[1].toLowerCase();
      assert.match(tile.fill, new RegExp(`#p-${stage}"?\\)$`), `${tile.title} is filled with its stage's pattern`);
      assert.match(tile.code, /^[A-Z]{2}$/, `${tile.title} carries its stage's code`);
    }

    // The curve: the table twin holds exactly what the chart draws (read back from the points' positions), and
    // its last count is the number of adopters, each of them on the map at the stage the adopters table gives.
    await tom.getByRole('img', { name: /^Cumulative adopters over time/ }).waitFor();
    const drawn = await curve(tom);
    assert.ok(drawn.rows.length > 1);
    assert.equal(drawn.drawn.length, drawn.rows.length, 'one point drawn per row of the table');
    drawn.rows.forEach(([on, added, soFar], i) => {
      const point = drawn.drawn[i];
      assert.equal(point.title, `${on}: ${soFar} ${soFar === '1' ? 'adopter' : 'adopters'} (${added} new)`);
      assert.ok(Math.abs(point.adopters - Number(soFar)) < 0.05, `${on}: drawn at ${point.adopters}, table ${soFar}`);
      assert.ok(Math.abs(point.day - dayNumber(on)) < 1, `${on} is drawn on its day`);
    });
    const adopters = await cells(tom, '#adopters-table tbody tr');
    assert.equal(Number(drawn.rows.at(-1)[2]), adopters.length);
    for (const [, name, , , stageNow] of adopters) {
      assert.ok(ADOPTING.includes(stageNow), `${name} is an adopter`);
      assert.ok(before.tiles.some((t) => t.title === `${name}: ${stageNow}`), `${name} is on the map as ${stageNow}`);
    }

    // Their savings: every adopter's cashable saving verified, and the practice's totals keep cashable and
    // non-cashable in rows of their own, each the sum of its own column of the outcomes.
    const outcomes = await cells(tom, '#outcome-table tbody tr');
    for (const [, name] of adopters) {
      assert.ok(outcomes.some(([org, , cashable, , , , status]) => org === name && pounds(cashable) > 0 && /Verified/.test(status)),
        `${name}'s verified cashable saving is listed`);
    }
    const totals = await cells(tom, '#practice-savings tbody tr');
    assert.deepEqual(totals.map(([kind]) => kind), ['Cashable', 'Non-cashable'], 'never one total of both');
    const once = (column) => outcomes.filter((o) => /once$/.test(o[column]) && /Verified/.test(o[6]))
      .reduce((sum, o) => sum + pounds(o[column]), 0);
    assert.equal(pounds(totals[0][3]), once(2), 'one-off verified cashable: the sum of the outcomes');
    assert.equal(pounds(totals[1][3]), once(3), 'one-off verified non-cashable: the sum of the outcomes');
    assert.ok(pounds(totals[0][3]) > 0);

    // The peer lens for Camden: its sentence counts the adopters among the neighbours its table lists.
    const neighbours = await cells(tom, '#peer-lens-table tbody tr');
    const adoptingNeighbours = neighbours.filter(([, stage]) => ADOPTING.includes(stage)).length;
    assert.equal(await tom.locator('#peer-lens-neighbours').innerText(),
      `${adoptingNeighbours} of your ${neighbours.length} neighbouring boroughs ${adoptingNeighbours === 1 ? 'has' : 'have'}`
      + ' put this practice to work (piloting, adopted, embedded or adapted).');
    assert.deepEqual(neighbours.map(([name]) => name).sort(),
      before.rows.filter((row) => row[2] === 'Neighbour').map(([name]) => name).sort(),
      'the neighbours are the touching tiles of the map');
    await tom.getByText('Your council: No record.').waitFor();
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

    // The page shows the move everywhere at once: Camden's tile now says "Exploring" and "EX" in its pattern, the
    // peer lens gives Camden's stage, and the curve is unchanged (exploring is not yet putting it to work).
    const after = await tileMap(tom);
    const camden = after.tiles.find((t) => t.organisation === CAMDEN);
    assert.deepEqual([camden.title, camden.code], ['Camden: Exploring', 'EX']);
    assert.match(camden.fill, /#p-exploring"?\)$/, "Camden's tile has the exploring pattern");
    assert.deepEqual(after.tiles.map((t) => t.title), after.rows.map(([name, stage]) => `${name}: ${stage}`));
    assert.deepEqual(after.tiles.filter((t) => t.organisation !== CAMDEN),
      before.tiles.filter((t) => t.organisation !== CAMDEN), 'no other tile changed');
    await tom.getByText('Your council: Exploring.').waitFor();
    assert.deepEqual((await curve(tom)).rows, drawn.rows);
    await assertAccessible(tom, 'the practice page after a move');

    // Islington's chief executive previews their next digest (what it would hold if made now) and reads the move
    // under their neighbouring boroughs, then follows it to the practice, where their peer lens shows Camden.
    const chief = await open();
    await signIn(chief, ISLINGTON_CHIEF, { scan: false });
    await chief.getByRole('link', { name: 'Your digests' }).click();
    await chief.getByRole('button', { name: 'Preview my digest now' }).click();
    await chief.getByText('Preview of your next digest').waitFor();
    await chief.getByText('Your preview is being made').waitFor({ state: 'detached', timeout: 30000 });
    const entry = chief.locator('#digest li')
      .filter({ hasText: `Camden, a neighbouring borough, started exploring this practice on ${day(today)}.` });
    await entry.getByRole('link', { name: 'IT hardware e-auction' }).waitFor();
    await assertAccessible(chief, "a neighbouring chief executive's digest preview");
    await entry.getByRole('link', { name: 'IT hardware e-auction' }).click();
    await chief.waitForURL(practiceUrl);
    assert.deepEqual((await cells(chief, '#peer-lens-table tbody tr')).find(([name]) => name === 'Camden'),
      ['Camden', 'Exploring']);
  });
});
