// Search benchmark: how long a reader waits for the first result.
//
// Run:  cd test/browser && npm ci && SITE_DIR=/path/to/built/site node bench-search.mjs
// Env:  SITE_DIR    folder of a built site, typically a large corpus (default ../../public)
//       CHROMIUM    browser binary (default /usr/bin/chromium, Debian's package)
//       BENCH_RUNS  runs per language (default 5)
//
// Not part of `node --test` (its name does not end in .test.mjs); `make bench`
// runs it. For each language it opens <lang>/index.html over file:// (any
// other request is aborted), focuses the search box, waits for the index to
// load, then times, in the page, from the first keydown of a 5-letter prefix
// typed with the keyboard to the first `#search-results li` (search.js's
// 60 ms debounce included: that is what a reader waits). It prints one line
// per language:
//
//   search fr: index 512.3 KB gzip, first result median 23 ms, max 31 ms (5 runs; …)
//
// The word is the one with the most postings in the language's own index
// file (5 letters or more), so it is in the corpus whatever it holds.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.resolve(process.env.SITE_DIR || path.join(HERE, '../../public'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = Number(process.env.BENCH_RUNS || 5);
const TIMEOUT = 30_000; // for the index to load, or a result to show

function fail(msg) {
  console.error(`bench-search: ${msg}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(SITE, 'index.html'))) fail(`SITE_DIR ${SITE} holds no index.html: build the site first or set SITE_DIR`);
if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: apt-get install -y chromium (never let a tool download a browser)`);
if (!(RUNS >= 1)) fail(`BENCH_RUNS=${process.env.BENCH_RUNS}: want a whole number of runs, 1 or more`);

const LANGS = fs.readdirSync(SITE, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(SITE, e.name, 'index.html')))
  .map((e) => e.name).sort();
if (!LANGS.length) fail(`no <lang>/index.html in ${SITE}`);

/** The search index file of a language, assets/search-<lang>.<hash>.js. */
function indexFile(lang) {
  const assets = path.join(SITE, 'assets');
  const files = fs.existsSync(assets) ? fs.readdirSync(assets).filter((f) => f.startsWith(`search-${lang}.`) && f.endsWith('.js')) : [];
  if (files.length !== 1) fail(`${assets}: ${files.length} search-${lang}.*.js files (want 1)`);
  return path.join(assets, files[0]);
}

/** The word (5 letters or more) with the most postings in an index file. */
function commonWord(file, lang) {
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  const ix = sandbox.window.SOBRE_SEARCH?.[lang];
  if (!ix || typeof ix.t !== 'string' || typeof ix.i !== 'string') fail(`${file}: declares no SOBRE_SEARCH["${lang}"] with t and i`);
  const terms = ix.t.split(' ');
  const lists = ix.i.split(';');
  let best = null;
  let most = 0;
  terms.forEach((term, k) => {
    if (!/^\p{L}{5,}$/u.test(term)) return;
    const n = lists[k].split(',').length;
    if (n > most) { best = term; most = n; }
  });
  if (!best) fail(`${file}: no word of 5 letters or more`);
  return { word: best, postings: most, terms: terms.length, sections: ix.s.length };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
let failed = false;
try {
  console.log(`bench-search: ${SITE}, ${RUNS} runs per language, Chromium ${browser.version()}`);
  for (const lang of LANGS) {
    const file = indexFile(lang);
    const raw = fs.readFileSync(file);
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    const { word, postings, terms, sections } = commonWord(file, lang);
    const prefix = [...word].slice(0, 5).join('');

    const context = await browser.newContext();
    const blocked = [];
    const errors = [];
    await context.route((url) => !url.href.startsWith('file:'), (route) => { blocked.push(route.request().url()); return route.abort('blockedbyclient'); });
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e.message || e).split('\n')[0]));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(pathToFileURL(path.join(SITE, lang, 'index.html')).href, { waitUntil: 'load' });
      if (await page.locator('form.search #q').count() !== 1) throw new Error(`${lang}/index.html: no form.search #q`);

      // Index load: from focus to SOBRE_SEARCH[lang] and a quiet status.
      const t0 = await page.evaluate(() => performance.now());
      await page.focus('#q');
      await page.waitForFunction((lang) => window.SOBRE_SEARCH?.[lang] &&
        document.getElementById('search-status').textContent === '', lang, { timeout: TIMEOUT });
      const loaded = (await page.evaluate(() => performance.now())) - t0;

      await page.evaluate(() => {
        window.__bench = { key: 0, li: 0 };
        document.addEventListener('keydown', () => { if (!window.__bench.key) window.__bench.key = performance.now(); }, true);
        const list = document.querySelector('#search-results');
        new MutationObserver(() => {
          if (!window.__bench.li && list.querySelector('li')) window.__bench.li = performance.now();
        }).observe(list, { childList: true, subtree: true });
      });
      const times = [];
      let status = '';
      for (let run = 0; run < RUNS; run++) {
        // Escape empties the box and the list (search.js); start clean.
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => document.getElementById('q').value === '' &&
          !document.querySelector('#search-results li'), null, { timeout: TIMEOUT });
        await page.evaluate(() => { window.__bench.key = 0; window.__bench.li = 0; });
        await page.keyboard.type(prefix);
        await page.waitForFunction(() => window.__bench.li > 0, null, { timeout: TIMEOUT })
          .catch(() => { throw new Error(`${lang}: no result within ${TIMEOUT / 1000} s for "${prefix}"`); });
        const b = await page.evaluate(() => window.__bench);
        times.push(b.li - b.key);
        await page.waitForTimeout(100); // let the debounced run for the whole prefix finish
        status = (await page.locator('#search-status').textContent()).trim();
      }
      console.log(`search ${lang}: index ${(gz / 1024).toFixed(1)} KB gzip, first result median ${ms(median(times))}, max ${ms(Math.max(...times))} (${RUNS} runs; ` +
        `typed "${prefix}" of "${word}", ${postings} postings, ${status}; index ${(raw.length / 1024).toFixed(1)} KB raw, ${terms} terms, ${sections} sections, loaded in ${ms(loaded)})`);
      if (blocked.length) { failed = true; console.error(`search ${lang}: ${blocked.length} request(s) off file:// aborted, first ${blocked[0]}`); }
      if (errors.length) { failed = true; console.error(`search ${lang}: ${errors.length} console or script error(s), first: ${errors[0]}`); }
    } catch (e) {
      failed = true;
      console.error(`search ${lang}: ${String(e.message).split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
