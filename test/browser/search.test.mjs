// Search that shows what it found (issue 13, point 4), on the built site
// over file:// with every other request aborted:
//
// - a query with more than 20 results lists 20, says "20 of N", and a
//   "show all" button, reached and pressed with the keyboard, lists the
//   rest, announces the count and moves focus to the first new result;
// - results are grouped by page, the best page first;
// - snippets are cut around the words found (about 160 characters, an
//   ellipsis where cut), the words in <mark>;
// - plurals fold: "hallucinations" finds the glossary's "hallucination";
// - axe finds no violation with all results shown, light and dark;
// - without JavaScript the search form stays hidden and the A–Z link shows.
//
// Env: SITE_DIR (default ../../public), CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.resolve(process.env.SITE_DIR || path.join(HERE, '../../public'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 120_000;
const LIMIT = 20;

// A word with more than 20 results in each language (checked below), and
// the glossary entry a plural must find.
const MANY = { fr: 'données', nl: 'gegevens', en: 'data' };
const GLOSSARY = { fr: 'glossaire.html', en: 'glossary.html' };

if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error(`SITE_DIR ${SITE} holds no index.html: build the site first`);

let browser;
before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});
after(async () => { await browser?.close(); });

/** A page of the site over file://, anything else aborted and recorded. */
async function open(rel, options = {}) {
  const context = await browser.newContext(options);
  const log = [];
  await context.route((url) => !url.href.startsWith('file:'), (route) => { log.push(`request ${route.request().url()}`); return route.abort('blockedbyclient'); });
  const page = await context.newPage();
  page.on('pageerror', (e) => log.push(`error ${String(e.message || e).split('\n')[0]}`));
  page.on('console', (m) => { if (m.type() === 'error') log.push(`console ${m.text()}`); });
  await page.goto(pathToFileURL(path.join(SITE, rel)).href, { waitUntil: 'load' });
  return { context, page, log };
}

/** Types q in the search box and waits for the announced count. */
async function search(page, q) {
  await page.locator('form.search #q').fill(q);
  const loading = await page.locator('form.search').getAttribute('data-loading');
  await page.waitForFunction((loading) => {
    const s = document.getElementById('search-status').textContent.trim();
    return s !== '' && s !== loading;
  }, loading, { timeout: 10_000 });
  return page.evaluate(() => ({
    status: document.getElementById('search-status').textContent.trim(),
    groups: [...document.querySelectorAll('#search-results > ol > li')].map((g) => ({
      title: g.querySelector('.search-page')?.textContent ?? '',
      hits: [...g.querySelectorAll('li')].map((li) => ({
        href: li.querySelector('a')?.href ?? '',
        link: li.querySelector('a')?.textContent ?? '',
        snippet: li.querySelector('p')?.textContent ?? '',
        marks: [...li.querySelectorAll('p mark')].map((m) => m.textContent),
      })),
    })),
    button: (() => {
      const b = document.querySelector('#search-results .search-more');
      return b && !b.hidden ? { tag: b.tagName, type: b.type, text: b.textContent } : null;
    })(),
  }));
}

const numbers = (s) => (s.match(/\d+/g) ?? []).map(Number);
const hitsOf = (r) => r.groups.flatMap((g) => g.hits);

for (const lang of ['fr', 'nl', 'en']) {
  test(`search ${lang}: "${MANY[lang]}" lists 20 of its results grouped by page, "show all" by keyboard lists the rest`, { timeout: TIMEOUT }, async () => {
    const { context, page, log } = await open(`${lang}/index.html`);
    try {
      const form = page.locator('form.search');
      const [shownText, allText, otherText] = await Promise.all(['data-shown', 'data-all', 'data-other'].map((a) => form.getAttribute(a)));
      const r = await search(page, MANY[lang]);
      const [shown, total] = numbers(r.status);
      assert.ok(total > LIMIT, `"${MANY[lang]}" announces "${r.status}": want more than ${LIMIT} results`);
      assert.equal(r.status, shownText.replace('#', LIMIT).replace('#', total), 'the status says how many are shown of how many');
      assert.equal(shown, LIMIT);
      assert.equal(hitsOf(r).length, LIMIT, 'the 20 best are listed');
      const titles = r.groups.map((g) => g.title);
      assert.equal(new Set(titles).size, titles.length, `a page has one group: ${titles}`);
      for (const g of r.groups) {
        assert.ok(g.hits.length, `group "${g.title}" lists no section`);
        const pages = new Set(g.hits.map((h) => h.href.replace(/#.*/, '')));
        assert.equal(pages.size, 1, `group "${g.title}" holds sections of ${pages.size} pages`);
      }
      assert.deepEqual(r.button, { tag: 'BUTTON', type: 'button', text: allText.replace('#', total) });

      // Keyboard: from the box, ArrowDown to the first result, down to the
      // last and on to the button; Enter shows the rest.
      await page.locator('#q').press('ArrowDown');
      for (let i = 1; i < LIMIT; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'search-more', 'ArrowDown from the last result reaches the button');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results li li').length === n, total, { timeout: 10_000 });
      const all = await page.evaluate(() => ({
        status: document.getElementById('search-status').textContent.trim(),
        focus: document.activeElement?.closest('#search-results li li') ? [...document.querySelectorAll('#search-results li li')].indexOf(document.activeElement.closest('li')) : -1,
        hidden: document.querySelector('.search-more').hidden,
        hrefs: [...document.querySelectorAll('#search-results li li a')].map((a) => a.href),
      }));
      assert.equal(all.status, otherText.replace('#', total), 'the live status announces all results');
      assert.equal(all.focus, LIMIT, 'focus moves to the first result shown by the button');
      assert.ok(all.hidden, 'the button goes once all are shown');
      assert.equal(new Set(all.hrefs).size, total, 'each section is listed once');
      assert.deepEqual(all.hrefs.slice(0, LIMIT), hitsOf(r).map((h) => h.href), 'the first 20 stay in place');
      // Grouping still holds: each page once.
      const groups = await page.evaluate(() => [...document.querySelectorAll('#search-results > ol > li .search-page')].map((p) => p.textContent));
      assert.equal(new Set(groups).size, groups.length, `a page appears in two groups after "show all": ${groups}`);
      assert.deepEqual(log, []);
    } finally {
      await context.close();
    }
  });
}

test('search: snippets are cut around the words found, marked, with an ellipsis where cut', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await open('fr/index.html');
  try {
    const first = await search(page, MANY.fr);
    await page.locator('.search-more').click();
    const total = Math.max(...numbers(first.status));
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li li').length === n, total, { timeout: 10_000 });
    const r = await page.evaluate(() => [...document.querySelectorAll('#search-results li li')].map((li) => ({
      snippet: li.querySelector('p')?.textContent ?? '',
      marks: [...li.querySelectorAll('p mark')].map((m) => m.textContent),
      link: li.querySelector('a').textContent,
      linkMarks: li.querySelectorAll('a mark').length,
    })));
    assert.ok(r.length > LIMIT);
    let cut = 0;
    for (const h of r) {
      // A hit is in the heading or in the text: the text's snippet shows it.
      if (!h.linkMarks) assert.ok(h.marks.length, `no <mark> in the snippet of "${h.link}": ${h.snippet}`);
      for (const m of h.marks) assert.match(m.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(), /^donnee/, `<mark>${m}</mark>`);
      const core = h.snippet.replace(/^… /, '').replace(/ …$/, '');
      assert.ok(core.length <= 160, `snippet of ${core.length} characters: ${h.snippet}`);
      if (h.snippet.startsWith('… ')) cut++;
    }
    assert.ok(cut > 0, 'no snippet starts with an ellipsis: none is cut around a word found deep in its section');
    // Built with DOM nodes: a <mark> holds text only.
    assert.equal(await page.locator('#search-results mark *').count(), 0);
    assert.deepEqual(log, []);
  } finally {
    await context.close();
  }
});

for (const lang of ['fr', 'en']) {
  test(`search ${lang}: "hallucinations" finds the glossary entry "hallucination"`, { timeout: TIMEOUT }, async () => {
    const { context, page, log } = await open(`${lang}/index.html`);
    try {
      const r = await search(page, 'hallucinations');
      const want = pathToFileURL(path.join(SITE, lang, GLOSSARY[lang])).href + '#hallucination';
      const hit = hitsOf(r).find((h) => h.href === want);
      assert.ok(hit, `no result links to ${want}: ${hitsOf(r).map((h) => h.href)}`);
      assert.equal(hit.link, 'Hallucination');
      assert.ok(hit.marks.some((m) => m.toLowerCase() === 'hallucination'), `the snippet marks [${hit.marks}]`);
      assert.equal(hitsOf(r)[0].href, want, 'the glossary entry, whose heading matches, comes first');
      assert.deepEqual(log, []);
    } finally {
      await context.close();
    }
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`search: axe finds no violation with all results shown, ${colorScheme}`, { timeout: TIMEOUT }, async () => {
    const { context, page, log } = await open('fr/index.html', { colorScheme, viewport: { width: 360, height: 800 } });
    try {
      await search(page, MANY.fr);
      await page.locator('.search-more').click();
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate((tags) => window.axe.run(document, {
        runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false, // file:// stylesheets cannot be fetched again
      }).then((r) => r.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)), AXE_TAGS);
      assert.deepEqual(violations, []);
      assert.deepEqual(log, []);
    } finally {
      await context.close();
    }
  });
}

test('search without JavaScript: the form stays hidden, the A–Z link shows', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await open('en/glossary.html', { javaScriptEnabled: false });
  try {
    assert.equal(await page.locator('form.search').isVisible(), false);
    assert.equal(await page.locator('a.az-link').isVisible(), true);
    assert.equal(await page.locator('#search-results li, .search-more').count(), 0);
    assert.deepEqual(log, []);
  } finally {
    await context.close();
  }
});
