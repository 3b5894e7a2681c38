// Browser tests of the service worker's footprint (issue 10, point 4): what
// one visit costs in data, two sites in two folders of one host keeping
// their caches, "keep offline" beside the downloads, Save-Data and 2G.
//
// Run:  cd test/browser && npm ci && node --test offline.test.mjs
// Env:  SITE_DIR, CHROMIUM as for site.test.mjs.
//
// The site is served from 127.0.0.1 like a plain static host that
// compresses text (gzip, as GitHub Pages, Netlify or nginx do) and sends no
// cache validators; the server counts every byte it writes, headers
// included. Any request off that server is aborted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.resolve(process.env.SITE_DIR || path.join(HERE, '../../public'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 120_000;
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BUDGET = 150_000; // bytes one first visit may cost, background included

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.pdf': 'application/pdf', '.zip': 'application/zip', '.epub': 'application/epub+zip',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.json': 'application/json',
};
const COMPRESS = /^(text\/|image\/svg|application\/(xml|json))/;

if (!fs.existsSync(path.join(SITE, 'sw.js'))) {
  throw new Error(`SITE_DIR ${SITE} holds no sw.js: build the site first (make site) or set SITE_DIR`);
}

/** The first file of dir whose name matches re, from the site root. */
function find(dir, re) {
  const f = fs.readdirSync(path.join(SITE, dir)).find((n) => re.test(n));
  assert.ok(f, `${dir}/: no file matching ${re}`);
  return `${dir}/${f}`;
}
const CHARTER = { fr: 'fr/charte.html', nl: 'nl/charter.html', en: 'en/charter.html' };
for (const rel of Object.values(CHARTER)) assert.ok(fs.existsSync(path.join(SITE, rel)), `${rel} is missing`);
/** The .html pages of a language, from the site root. */
/** The language's pages the worker keeps: all but its not-found page. */
/** The files sw.js fetches in the background for lang, in its order. */
function precacheList(lang) {
  const sw = fs.readFileSync(path.join(SITE, 'sw.js'), 'utf8');
  const m = sw.match(/FILES=(\{.*?\}),/s);
  assert.ok(m, 'sw.js holds no FILES list');
  return JSON.parse(m[1].replace(/([{,])(\w+):/g, '$1"$2":'))[lang] ?? [];
}

function pagesOf(lang) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(SITE, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      // The not-found page is the host's, for addresses that do not exist.
      else if (e.name.endsWith('.html') && r !== `${lang}/404.html`) out.push(r);
    }
  };
  walk(lang);
  return out.sort();
}

/** Serves folders under prefixes ({'/sub/': SITE}) on 127.0.0.1, gzipping
 *  text when asked; counts the bytes written to every connection. */
async function host(sites) {
  const served = [];
  const sockets = new Set();
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    served.push(url.pathname);
    let file = null;
    for (const [prefix, dir] of Object.entries(sites)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const abs = path.resolve(dir, rel);
      if (abs.startsWith(dir + path.sep) && fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) file = abs;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    let body = fs.readFileSync(file);
    const headers = { 'content-type': type, 'x-content-type-options': 'nosniff' };
    if (COMPRESS.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body, { level: 6 });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  srv.on('connection', (s) => sockets.add(s));
  await new Promise((resolve, reject) => srv.listen(0, '127.0.0.1', resolve).on('error', reject));
  const origin = `http://127.0.0.1:${srv.address().port}`;
  let stopped = null;
  return {
    origin,
    served,
    /** Bytes written so far, headers included. */
    bytes: () => [...sockets].reduce((n, s) => n + s.bytesWritten, 0),
    stop: () => (stopped ??= new Promise((resolve) => { srv.close(resolve); srv.closeAllConnections(); })),
  };
}

let browser;
const tmpDirs = [];
before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});
after(async () => {
  await browser?.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh context that may only reach origin; its errors, and requests
 *  to anywhere else, are collected. No route() here: intercepting requests
 *  turns the browser's HTTP cache off, and the worker relies on it. Any
 *  other host goes to a dead proxy on 127.0.0.1 instead, so nothing leaves
 *  the machine. */
async function contextFor(origin, options = {}) {
  const context = await browser.newContext({ ...options, proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' } });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error()?.message ?? e.error()).split('\n')[0]));
  // chrome-extension: is the browser's own PDF viewer.
  context.on('request', (r) => {
    // chrome:// is the browser's own PDF viewer, never the network.
    if (!r.url().startsWith(origin + '/') && !/^(chrome|chrome-extension|data|blob):/.test(r.url())) errors.push(`request off ${origin}: ${r.url()}`);
  });
  return { context, errors };
}

/** Waits for the page's service worker, then until the server has been
 *  asked nothing for quiet ms (the worker's background fetches done). */
async function settleWorker(page, h, quiet = 1500) {
  const ok = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]));
  assert.ok(ok, 'no service worker ready within 10 s');
  let n = -1;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (h.served.length === n) return;
    n = h.served.length;
    await page.waitForTimeout(quiet);
  }
  assert.fail('the server was still being asked for files 30 s after the visit');
}

/** Every cache of the page's origin: name -> URLs. */
const cacheMap = (page) => page.evaluate(async () => {
  const out = {};
  for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).map((r) => r.url);
  return out;
});
const allCached = (m) => Object.values(m).flat();
const h1 = async (page) => (await page.locator('h1').first().textContent()).replace(/\s+/g, ' ').trim();
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

test(`footprint: one visit over http://127.0.0.1/sub/ costs under ${BUDGET / 1000} kB, background included; no PDF, zip or EPUB fetched`, { timeout: TIMEOUT }, async (t) => {
  const h = await host({ '/sub/': SITE });
  const base = h.origin + '/sub/';
  const { context, errors } = await contextFor(h.origin);
  try {
    const page = await context.newPage();
    const res = await page.goto(base + CHARTER.fr, { waitUntil: 'load' });
    assert.equal(res?.status(), 200);
    const visit = h.bytes();
    await settleWorker(page, h);
    const total = h.bytes();
    const raw = h.served.reduce((n, p) => n + (fs.statSync(path.join(SITE, p.slice('/sub/'.length)), { throwIfNoEntry: false })?.size ?? 0), 0);
    t.diagnostic(`${CHARTER.fr}: ${kb(visit)} for the page, ${kb(total)} in all after the worker settled ` +
      `(${h.served.length} requests; ${kb(raw)} before compression)`);

    const downloads = h.served.filter((p) => /\.(pdf|zip|epub)$/.test(p) || p.includes('/downloads/'));
    assert.deepEqual(downloads, [], 'PDFs, zips or EPUBs fetched without the reader asking');
    const others = h.served.filter((p) => /^\/sub\/(nl|en)\/|search-(nl|en)\./.test(p));
    assert.deepEqual(others, [], 'files of other languages fetched for a French reader');
    const twice = h.served.filter((p, i) => h.served.indexOf(p) !== i);
    assert.deepEqual(twice, [], 'files downloaded twice');
    assert.ok(total < BUDGET, `one visit cost ${total} bytes (${kb(total)}), over ${kb(BUDGET)}: ${h.served.join(' ')}`);

    // The French pages the worker fetches in the background (in reading
    // order, within its budget: build/web/offline.go) are all kept, the
    // home page and the charter among them; the others are kept when read.
    const cached = allCached(await cacheMap(page));
    const listed = precacheList('fr').filter((r) => r.endsWith('.html'));
    for (const want of ['fr/index.html', CHARTER.fr]) assert.ok(listed.includes(want), `${want} not fetched in the background`);
    assert.ok(listed.length >= Math.min(10, pagesOf('fr').length), `only ${listed.length} French pages fetched in the background`);
    const missing = listed.map((r) => base + r).filter((u) => !cached.includes(u));
    assert.deepEqual(missing, [], 'French pages not kept after the visit');
    assert.deepEqual(errors, [], 'script errors');
  } finally {
    await context.close();
    await h.stop();
  }
});

test('two sites in two folders of one host: each keeps its own caches, and both open offline', { timeout: TIMEOUT }, async (t) => {
  // The second site is another build: the same files with another version.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sobre-site-b-'));
  tmpDirs.push(tmp);
  const other = path.join(tmp, 'site');
  fs.cpSync(SITE, other, { recursive: true });
  const sw = fs.readFileSync(path.join(other, 'sw.js'), 'utf8');
  assert.match(sw, /VERSION="[0-9a-f]+"/, 'sw.js holds no VERSION');
  fs.writeFileSync(path.join(other, 'sw.js'), sw.replace(/VERSION="[0-9a-f]+"/, 'VERSION="0123456789abcdef"'));

  const h = await host({ '/a/': SITE, '/b/': other });
  const { context, errors } = await contextFor(h.origin);
  try {
    const page = await context.newPage();
    const a = h.origin + '/a/';
    const b = h.origin + '/b/';
    await page.goto(a + 'fr/index.html', { waitUntil: 'load' });
    await settleWorker(page, h);
    await page.goto(b + 'nl/index.html', { waitUntil: 'load' });
    await settleWorker(page, h);
    // Back to the first site: its worker runs again, the second's caches stay.
    await page.goto(a + 'fr/index.html', { waitUntil: 'load' });
    await settleWorker(page, h);

    const m = await cacheMap(page);
    const names = Object.keys(m).sort();
    t.diagnostic(`caches: ${names.map((k) => `${k} (${m[k].length})`).join(', ')}`);
    const of = (base) => names.filter((k) => m[k].length && m[k].every((u) => u.startsWith(base)));
    assert.ok(of(a).length >= 1, `no cache holding only /a/'s files: ${names.join(', ')}`);
    assert.ok(of(b).length >= 1, `no cache holding only /b/'s files: ${names.join(', ')}`);
    const mixed = names.filter((k) => m[k].some((u) => u.startsWith(a)) && m[k].some((u) => u.startsWith(b)));
    assert.deepEqual(mixed, [], 'caches holding both sites\' files');
    const prefixes = (list) => new Set(list.map((k) => k.replace(/-[^-]+$/, '')));
    const shared = [...prefixes(of(a))].filter((p) => prefixes(of(b)).has(p));
    assert.deepEqual(shared, [], 'the two sites\' caches share a scope name');

    const want = { [a + CHARTER.fr]: await titleOf(CHARTER.fr), [b + CHARTER.nl]: await titleOf(CHARTER.nl) };
    await h.stop();
    for (const [url, title] of Object.entries(want)) {
      const res = await page.goto(url, { waitUntil: 'load' }).catch((e) => e);
      assert.ok(!(res instanceof Error), `${url} offline: ${String(res?.message).split('\n')[0]}`);
      assert.ok(res.fromServiceWorker(), `${url} offline: not from the service worker`);
      assert.equal(await h1(page), title, `${url} offline: h1`);
      const again = await page.reload({ waitUntil: 'load' }).catch((e) => e);
      assert.ok(!(again instanceof Error), `${url} offline, reloaded: ${String(again?.message).split('\n')[0]}`);
      assert.equal(await h1(page), title, `${url} offline, reloaded: h1`);
    }
    t.diagnostic('offline: both sites\' charters open and reload from their own caches');
    assert.deepEqual(errors, [], 'script errors');
  } finally {
    await context.close();
    await h.stop();
  }
});

/** The h1 of a page, read from the file. */
async function titleOf(rel) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(SITE, rel)).href);
    return await h1(page);
  } finally {
    await context.close();
  }
}

test('"keep offline": hidden without a service worker; a real toggle button that keeps a PDF, which then opens offline', { timeout: TIMEOUT }, async (t) => {
  const rel = CHARTER.en;
  // file:// (no worker) and http without JavaScript: the buttons stay hidden.
  for (const [what, options, url] of [
    ['file://', {}, pathToFileURL(path.join(SITE, rel)).href],
    ['no JavaScript', { javaScriptEnabled: false }, null],
  ]) {
    const h = url ? null : await host({ '/sub/': SITE });
    const context = await browser.newContext(options);
    try {
      const page = await context.newPage();
      await page.goto(url ?? h.origin + '/sub/' + rel, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      const n = await page.locator('button.keep').count();
      assert.ok(n > 0, `${what}: ${rel} has no button.keep`);
      assert.equal(await page.locator('button.keep:visible').count(), 0, `${what}: "keep offline" buttons shown`);
    } finally {
      await context.close();
      await h?.stop();
    }
  }

  const h = await host({ '/sub/': SITE });
  const base = h.origin + '/sub/';
  const { context, errors } = await contextFor(h.origin);
  try {
    const page = await context.newPage();
    await page.goto(base + rel, { waitUntil: 'load' });
    await settleWorker(page, h);
    const link = page.locator('.downloads a[href$=".pdf"]').first();
    const href = await link.evaluate((a) => a.href);
    const label = (await link.textContent()).trim();
    const button = page.getByRole('button', { name: `Keep offline ${label}`, exact: true });
    await button.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await button.getAttribute('aria-pressed'), 'false', 'pressed before any click');
    assert.ok(!h.served.some((p) => p.endsWith('.pdf')), 'a PDF was fetched before the reader asked');

    await button.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('.keep-status[role="status"]');
    await page.waitForFunction((b) => b.getAttribute('aria-pressed') === 'true', await button.elementHandle(), { timeout: 10_000 });
    assert.match(await status.textContent(), /kept on this device/i, 'the status does not announce the file as kept');
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(AXE_SOURCE);
      const v = await page.evaluate(() => axe.run('.site-footer', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })
        .then((r) => r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)));
      assert.deepEqual(v, [], `axe, ${scheme} scheme, the footer with a button pressed`);
    }
    const kept = Object.entries(await cacheMap(page)).filter(([, urls]) => urls.includes(href)).map(([k]) => k);
    assert.equal(kept.length, 1, `${href} in ${kept.length} caches`);
    assert.match(kept[0], /-kept$/, `${href} kept in ${kept[0]}`);
    t.diagnostic(`${href.slice(base.length)} kept in ${kept[0]}: "${await status.textContent()}"`);

    // Offline: the PDF comes whole from the worker, and the button says so
    // on a page opened afresh.
    const want = fs.readFileSync(path.join(SITE, href.slice(base.length)));
    await h.stop();
    const got = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get('content-type'), bytes: [...new Uint8Array(await r.arrayBuffer())] };
    }, href);
    assert.equal(got.status, 200, 'the kept PDF offline');
    assert.equal(got.type, 'application/pdf');
    assert.ok(Buffer.from(got.bytes).equals(want), 'the kept PDF differs from the file');
    const viewer = await context.newPage();
    const opened = await viewer.goto(href).catch((e) => e);
    if (!(opened instanceof Error)) {
      assert.equal(opened?.status(), 200, 'the kept PDF opened offline');
      assert.ok(opened.fromServiceWorker(), 'the PDF did not come from the service worker');
      t.diagnostic('offline: the PDF opens in a tab, from the service worker');
    } else {
      // Headless Chromium may download a PDF rather than show it.
      assert.match(String(opened.message), /Download is starting/, `the kept PDF offline: ${String(opened.message).split('\n')[0]}`);
      t.diagnostic('offline: the PDF is handed over as a download, from the service worker');
    }
    await viewer.close();
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => [...document.querySelectorAll('button.keep')].some((b) => !b.hidden), null, { timeout: 10_000 });
    assert.equal(await button.getAttribute('aria-pressed'), 'true', 'the button forgot the kept PDF after a reload');

    // Pressed again: the PDF leaves the device.
    await button.click();
    await page.waitForFunction((b) => b.getAttribute('aria-pressed') === 'false', await button.elementHandle(), { timeout: 10_000 });
    assert.match(await status.textContent(), /removed from this device/i);
    assert.ok(!allCached(await cacheMap(page)).includes(href), 'the PDF is still cached after "remove"');
    assert.deepEqual(errors, [], 'script errors');
  } finally {
    await context.close();
    await h.stop();
  }
});

/** Makes navigator.connection report what a reader sparing data has. */
const connection = (conn) => `Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => (${JSON.stringify(conn)}) });`;

for (const [what, conn] of [
  ['Save-Data', { saveData: true, effectiveType: '4g' }],
  ['a 2G connection', { saveData: false, effectiveType: '2g' }],
]) {
  test(`${what}: nothing fetched in the background; only what the reader opens is kept`, { timeout: TIMEOUT }, async (t) => {
    const h = await host({ '/sub/': SITE });
    const base = h.origin + '/sub/';
    const { context, errors } = await contextFor(h.origin);
    await context.addInitScript(connection(conn));
    try {
      const page = await context.newPage();
      await page.goto(base + CHARTER.en, { waitUntil: 'load' });
      const loaded = h.served.length;
      await settleWorker(page, h);
      const after = h.served.slice(loaded).filter((p) => !p.endsWith('/sw.js'));
      assert.deepEqual(after, [], 'fetched in the background');
      // A second page, opened: kept (the first one too, from the HTTP cache).
      const next = pagesOf('en').find((r) => r !== CHARTER.en && r !== 'en/index.html');
      await page.goto(base + next, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      const cached = allCached(await cacheMap(page));
      const pages = cached.filter((u) => u.endsWith('.html'));
      assert.deepEqual(pages.sort(), [base + CHARTER.en, base + next].sort(), 'pages kept');
      t.diagnostic(`${cached.length} files kept, the two pages opened and what they load; ${h.served.length} requests`);
      assert.deepEqual(errors, [], 'script errors');
    } finally {
      await context.close();
      await h.stop();
    }
  });
}

test('"Save-Data: on" in a request: the worker then fetches nothing in the background', { timeout: TIMEOUT }, async () => {
  const h = await host({ '/sub/': SITE });
  const base = h.origin + '/sub/';
  const { context, errors } = await contextFor(h.origin);
  // offline.js stays out: this test speaks to the worker itself.
  await context.route(/\/assets\/offline\.[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  try {
    const page = await context.newPage();
    await page.goto(base + CHARTER.nl, { waitUntil: 'load' });
    const before = h.served.length;
    const ok = await page.evaluate(async () => {
      await navigator.serviceWorker.register('../sw.js');
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      await fetch('index.html', { headers: { 'Save-Data': 'on' } });
      return new Promise((done) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = (e) => done(e.data && e.data.ok);
        reg.active.postMessage({ lang: 'nl', have: [] }, [ch.port2]);
      });
    });
    assert.equal(ok, true, 'the worker did not answer');
    const fetched = h.served.slice(before).filter((p) => !/\/(sw\.js|nl\/index\.html)$/.test(p));
    assert.deepEqual(fetched, [], 'fetched in the background after a "Save-Data: on" request');
    assert.deepEqual(errors, [], 'script errors');
  } finally {
    await context.close();
    await h.stop();
  }
});

test('search offline before any search: the index was not fetched; the page says so and shows the A–Z index', { timeout: TIMEOUT }, async () => {
  const h = await host({ '/sub/': SITE });
  const base = h.origin + '/sub/';
  const { context, errors } = await contextFor(h.origin);
  try {
    const page = await context.newPage();
    await page.goto(base + CHARTER.en, { waitUntil: 'load' });
    await settleWorker(page, h);
    assert.ok(!h.served.some((p) => /\/search-en\./.test(p)), 'the search index was fetched before any search');
    await h.stop();
    await page.reload({ waitUntil: 'load' });
    const want = await page.locator('form.search').getAttribute('data-failed');
    assert.ok(want, 'form.search has no data-failed message');
    await page.locator('form.search input').fill('charter');
    await page.waitForFunction((w) => document.getElementById('search-status')?.textContent === w, want, { timeout: 10_000 });
    assert.ok(await page.locator('.az-link').isVisible(), 'the A–Z link stays hidden');
    assert.deepEqual(errors, [], 'script errors');
  } finally {
    await context.close();
    await h.stop();
  }
});
