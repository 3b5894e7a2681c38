// Browser tests of the site that `sobre build` writes (public/ by default).
//
// Run:  cd test/browser && npm ci && npm test      (or: node --test)
// Env:  SITE_DIR  folder of the built site (default ../../public, from this file)
//       CHROMIUM  browser binary (default /usr/bin/chromium, Debian's package)
//
// Every page is opened in Debian's headless Chromium, driven by playwright-core:
// never a browser that a tool downloads. Nothing here reaches beyond this
// machine: pages are read over file:// or from a server on 127.0.0.1, and
// any other request is aborted (and reported as a failure).
//
// Each test walks every page and reports one line per problem, page first,
// so a failing run reads like a to-do list.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
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
const SUBFOLDER = '/some/sub/folder/'; // where the HTTP test serves the site
const WORKERS = 2; // pages opened at once (the CI machine has 2 cores)
const TIMEOUT = 300_000;

// ---------------------------------------------------------------------------
// The pages under test.

if (!fs.existsSync(path.join(SITE, 'index.html'))) {
  throw new Error(`SITE_DIR ${SITE} holds no index.html: build the site first ` +
    '(go build -o bin/sobre ./cmd/sobre && ./bin/sobre build) or set SITE_DIR');
}

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), r));
    else if (e.isFile() && e.name.endsWith('.html')) out.push(r);
  }
  return out;
}

/** Site-relative paths of every .html file, "/"-separated, chooser first. */
const PAGES = walk(SITE).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
/** Languages: top-level folders that have an index.html. */
const LANGS = fs.readdirSync(SITE, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(SITE, e.name, 'index.html')))
  .map((e) => e.name).sort();

const fileUrl = (rel) => pathToFileURL(path.join(SITE, rel)).href;
/** Site-relative path of a file:// URL inside SITE, or null. */
function siteRel(url) {
  let u;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== 'file:') return null;
  const p = path.relative(SITE, fileURLToPath(u));
  return p.startsWith('..') || path.isAbsolute(p) ? null : p.split(path.sep).join('/');
}
const isFile = (rel) => rel !== null && fs.statSync(path.join(SITE, rel), { throwIfNoEntry: false })?.isFile() === true;

// ---------------------------------------------------------------------------
// Reporting.

/** Fails with one line per problem, or passes; never on zero pages. */
function report(t, problems, checked, what = 'pages') {
  assert.ok(PAGES.length > 0, 'no page found');
  assert.equal(checked, PAGES.length, `checked ${checked} ${what} of ${PAGES.length} .html files`);
  if (problems.length) {
    assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  }
  t.diagnostic(`${checked} ${what} checked`);
}

/** Runs fn(rel) on every page, WORKERS at a time; returns how many ran. */
async function eachPage(fn, pages = PAGES) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < pages.length) {
      const rel = pages[next++];
      await fn(rel);
      done++;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return done;
}

// ---------------------------------------------------------------------------
// Browser, contexts, pages.

let browser;

before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never let a tool download a browser)`);
  }
  // playwright-core adds the switches it needs (pipe, a fresh temporary
  // --user-data-dir, removed on close) to ours.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Records what a page asks for and complains about. */
async function newContext(options, allow) {
  const context = await browser.newContext(options);
  // Whatever the page asks beyond `allow` is aborted before it leaves the
  // machine; the 'request' event still records it as a failure.
  await context.route((url) => !allow(url.href), (route) => route.abort('blockedbyclient'));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective || e.violatedDirective} blocked ` +
        `${e.blockedURI || 'inline code'}${e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ''}`);
    });
  });
  return context;
}

const onlyFile = (href) => href.startsWith('file:') || href.startsWith('data:');

function watch(page) {
  const log = { requests: [], failed: [], responses: [], console: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => log.responses.push({ url: r.url(), status: r.status() }));
  page.on('console', (m) => {
    if (m.type() === 'error' || /content security policy/i.test(m.text())) log.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(String(e.message || e).split('\n')[0]));
  return log;
}

/** Lets late scripts, style loads and CSP reports settle. */
async function settle(page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

/** Names the elements that stick out to the right of the viewport. */
function overflowCulprits(page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') +
      (e.classList.length ? `.${[...e.classList].join('.')}` : '');
    const out = [];
    // Right edge of an element's box or of its overflowing content.
    const right = (e) => {
      const r = e.getBoundingClientRect();
      return r.left + Math.max(r.width, e.scrollWidth);
    };
    for (const e of document.body.querySelectorAll('*')) {
      if (right(e) > w + 0.5 && ![...e.children].some((c) => right(c) > w + 0.5)) {
        out.push(`${name(e.parentElement)} > ${name(e)} (right edge ${Math.round(right(e))}px)`);
      }
    }
    return out.slice(0, 3).join(', ');
  });
}

// ---------------------------------------------------------------------------
// 0. The site is there, and every page is found.

test('site: the built site has pages in every language', () => {
  const all = fs.readdirSync(SITE, { recursive: true }).filter((f) => String(f).endsWith('.html'));
  assert.ok(PAGES.length > 0, `no .html file in ${SITE}`);
  assert.equal(PAGES.length, all.length, 'the walk found a different number of .html files than readdir');
  for (const p of ['index.html', '404.html']) assert.ok(PAGES.includes(p), `${p} is missing`);
  for (const l of ['fr', 'nl', 'en']) assert.ok(LANGS.includes(l), `${l}/index.html is missing`);
});

// ---------------------------------------------------------------------------
// 1. Every page over file://, CSP enforced (no bypass), 320 px wide: one pass
// collects what several tests below check.

let strictRun;
/** Opens every page once; returns Map rel -> facts. */
function strict() {
  strictRun ??= (async () => {
    const context = await newContext({ viewport: { width: 320, height: 640 } }, onlyFile);
    const facts = new Map();
    try {
      await eachPage(async (rel) => {
        const page = await context.newPage();
        const log = watch(page);
        try {
          await page.goto(fileUrl(rel), { waitUntil: 'load' });
          await settle(page);
          const f = { log: structuredClone(log), url: page.url() };
          f.csp = await page.evaluate(() => [...window.__cspViolations]);
          f.dom = await page.evaluate(() => {
            const q = (s) => [...document.querySelectorAll(s)];
            const landmark = (e) => !e.parentElement.closest('article, aside, main, nav, section');
            const article = document.querySelector('main article[lang]');
            return {
              lang: document.documentElement.getAttribute('lang'),
              contentLang: article ? article.getAttribute('lang') : document.documentElement.getAttribute('lang'),
              h1: q('h1').length,
              mains: q('main').map((m) => m.id),
              banner: q('header').filter(landmark).length,
              contentinfo: q('footer').filter(landmark).length,
              navs: q('nav').length,
              cspMeta: q('meta[http-equiv="Content-Security-Policy" i]').map((m) => m.content),
              ids: q('[id]').map((e) => e.id),
              refs: q('a[href], link[href], script[src], img[src], source[src], iframe[src]').map((e) => ({
                tag: e.tagName.toLowerCase(),
                raw: e.getAttribute(e.hasAttribute('href') ? 'href' : 'src'),
                abs: e.href || e.src,
              })),
              langs: document.querySelector('nav.langs') && {
                links: q('nav.langs a').map((a) => ({
                  raw: a.getAttribute('href'), abs: a.href, hreflang: a.getAttribute('hreflang'),
                  lang: a.getAttribute('lang'), text: a.textContent.trim(),
                })),
                current: q('nav.langs [aria-current="page"]').map((e) => e.getAttribute('lang')),
              },
              scrollWidth: document.documentElement.scrollWidth,
            };
          });
          if (f.dom.scrollWidth > 320) f.overflow = await overflowCulprits(page);

          // Keyboard: the first Tab lands on the skip link, which is seen and
          // moves focus to <main>.
          await page.keyboard.press('Tab');
          f.skip = await page.evaluate(() => {
            const a = document.activeElement;
            const r = a.getBoundingClientRect();
            return {
              tag: a.tagName.toLowerCase(), href: a.getAttribute('href'), text: a.textContent.trim(),
              visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 &&
                r.bottom <= innerHeight && r.right <= innerWidth,
            };
          });
          if (f.skip.href === '#main') {
            await page.keyboard.press('Enter');
            f.skip.after = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName.toLowerCase());
          }

          // Canary: an inline script must be blocked by the page's CSP and
          // seen by the listener, or a clean CSP result above means nothing.
          await page.evaluate(() => {
            const s = document.createElement('script');
            s.textContent = 'window.__inlineRan = true';
            document.head.append(s);
          });
          await page.waitForTimeout(20);
          f.canary = await page.evaluate(() => ({ ran: window.__inlineRan === true, seen: window.__cspViolations.length }));
          f.canary.seen -= f.csp.length;
          facts.set(rel, f);
        } catch (e) {
          facts.set(rel, { error: String(e.message).split('\n')[0] });
        } finally {
          await page.close();
        }
      });
    } finally {
      await context.close();
    }
    return facts;
  })();
  return strictRun;
}

/** Runs check(rel, facts, problems) over the strict pass's facts. */
async function overStrict(t, check) {
  const facts = await strict();
  const problems = [];
  let checked = 0;
  for (const rel of PAGES) {
    const f = facts.get(rel);
    if (!f) continue;
    checked++;
    if (f.error) problems.push(`${rel}: could not be opened: ${f.error}`);
    else if (f.url !== fileUrl(rel)) problems.push(`${rel}: navigated away to ${f.url}`);
    else check(rel, f, problems);
  }
  report(t, problems, checked);
}

test('file://: no request leaves file://, no console error, no script error, no CSP violation', { timeout: TIMEOUT }, async (t) => {
  await overStrict(t, (rel, f, problems) => {
    for (const u of f.log.requests) if (!onlyFile(u)) problems.push(`${rel}: request to ${u}`);
    for (const m of f.log.failed) problems.push(`${rel}: failed to load ${m}`);
    for (const m of f.log.console) problems.push(`${rel}: console ${m}`);
    for (const m of f.log.errors) problems.push(`${rel}: script error: ${m}`);
    for (const m of f.csp) problems.push(`${rel}: CSP violation: ${m}`);
    const csp = f.dom.cspMeta;
    if (csp.length !== 1) problems.push(`${rel}: ${csp.length} Content-Security-Policy <meta> (want 1)`);
    else if (!/script-src 'self'/.test(csp[0]) || /unsafe-(inline|eval)/.test(csp[0])) problems.push(`${rel}: weak CSP: ${csp[0]}`);
    if (f.canary.ran || f.canary.seen < 1) {
      problems.push(`${rel}: an injected inline script was ${f.canary.ran ? 'run' : 'blocked'} and ${f.canary.seen ? 'seen' : 'not seen'} by the CSP listener (want blocked and seen)`);
    }
  });
});

test('file://: every local link and resource names an existing file (and anchor)', { timeout: TIMEOUT }, async (t) => {
  const facts = await strict();
  await overStrict(t, (rel, f, problems) => {
    for (const r of f.dom.refs) {
      if (r.raw.startsWith('#') && r.raw.length > 1) {
        if (!f.dom.ids.includes(decodeURIComponent(r.raw.slice(1)))) problems.push(`${rel}: <${r.tag}> ${r.raw}: no such id`);
        continue;
      }
      if (!r.abs.startsWith('file:')) continue; // http(s), mailto: links are not loaded
      const target = siteRel(r.abs);
      if (target === null) { problems.push(`${rel}: <${r.tag}> ${r.raw} points outside the site`); continue; }
      if (!isFile(target)) { problems.push(`${rel}: <${r.tag}> ${r.raw} -> ${target}: no such file`); continue; }
      const hash = new URL(r.abs).hash.slice(1);
      const t2 = facts.get(target);
      if (hash && t2?.dom && !t2.dom.ids.includes(decodeURIComponent(hash))) {
        problems.push(`${rel}: <${r.tag}> ${r.raw}: ${target} has no id "${hash}"`);
      }
    }
  });
});

test('reflow: no horizontal scrolling at 320 px wide', { timeout: TIMEOUT }, async (t) => {
  await overStrict(t, (rel, f, problems) => {
    if (f.dom.scrollWidth > 320) problems.push(`${rel}: scrollWidth ${f.dom.scrollWidth}px > 320px; sticking out: ${f.overflow}`);
  });
});

test('structure: one h1, main#main, header, footer, nav, skip link first', { timeout: TIMEOUT }, async (t) => {
  await overStrict(t, (rel, f, problems) => {
    const d = f.dom;
    if (d.h1 !== 1) problems.push(`${rel}: ${d.h1} <h1> (want exactly 1)`);
    if (d.mains.length !== 1) problems.push(`${rel}: ${d.mains.length} <main> (want exactly 1)`);
    else if (d.mains[0] !== 'main') problems.push(`${rel}: <main> has id "${d.mains[0]}" (want "main")`);
    if (d.banner < 1) problems.push(`${rel}: no <header> landmark (banner)`);
    if (d.contentinfo < 1) problems.push(`${rel}: no <footer> landmark (contentinfo)`);
    if (d.navs < 1) problems.push(`${rel}: no <nav>`);
    if (!d.lang) problems.push(`${rel}: <html> has no lang`);
    const s = f.skip;
    if (s.tag !== 'a' || s.href !== '#main') {
      problems.push(`${rel}: first focusable element is <${s.tag}${s.href ? ` href="${s.href}"` : ''}> "${s.text}" (want the skip link to #main)`);
    } else {
      if (!s.visible) problems.push(`${rel}: the focused skip link is not fully visible in the viewport`);
      if (s.after !== 'main') problems.push(`${rel}: activating the skip link focuses "${s.after}" (want main#main)`);
    }
  });
});

test('language switcher: every nav.langs link names an existing page and has hreflang and lang', { timeout: TIMEOUT }, async (t) => {
  assert.ok(LANGS.length >= 2, `only ${LANGS.length} language folder(s) in ${SITE}`);
  const facts = await strict();
  let withSwitcher = 0;
  await overStrict(t, (rel, f, problems) => {
    const s = f.dom.langs;
    const inLang = LANGS.find((l) => rel.startsWith(`${l}/`));
    if (!s) {
      if (inLang) problems.push(`${rel}: no nav.langs language switcher`);
      return;
    }
    withSwitcher++;
    if (s.links.length !== LANGS.length - 1) problems.push(`${rel}: nav.langs has ${s.links.length} links (want ${LANGS.length - 1}, one per other language)`);
    if (s.current.length !== 1 || s.current[0] !== f.dom.lang) {
      problems.push(`${rel}: nav.langs marks [${s.current}] as current (want one aria-current="page" entry with lang="${f.dom.lang}")`);
    }
    for (const a of s.links) {
      const where = `${rel}: nav.langs link "${a.text}" (${a.raw})`;
      if (!a.hreflang) problems.push(`${where} has no hreflang`);
      if (!a.lang) problems.push(`${where} has no lang`);
      const target = siteRel(a.abs);
      if (!isFile(target)) { problems.push(`${where} names no existing file`); continue; }
      if (a.lang && !target.startsWith(`${a.lang}/`)) problems.push(`${where}: lang="${a.lang}" but the page is in ${target.split('/')[0]}/`);
      const tf = facts.get(target);
      if (tf?.dom && a.hreflang && tf.dom.contentLang !== a.hreflang) {
        problems.push(`${where}: hreflang="${a.hreflang}" but ${target} is written in "${tf.dom.contentLang}"`);
      }
    }
  });
  assert.ok(withSwitcher >= LANGS.length, `only ${withSwitcher} pages have a language switcher`);
});

// ---------------------------------------------------------------------------
// axe-core, WCAG 2.0/2.1/2.2 A and AA rules, light and dark colour schemes.
// The CSP forbids injecting axe as a <script>; Runtime.evaluate is not subject
// to it, so the page is audited exactly as a visitor gets it.

async function runAxe(page, { preload }) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(({ tags, preload }) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload,
  }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }))), { tags: AXE_TAGS, preload });
}

function axeLines(rel, label, violations) {
  return violations.flatMap((v) => v.targets.map((target) =>
    `${rel}${label}: ${v.id} (${v.impact}) at ${target} — ${v.help}`));
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe (${AXE_TAGS.join(', ')}), ${colorScheme} scheme, file://: no violation`, { timeout: TIMEOUT }, async (t) => {
    const context = await newContext({ colorScheme }, onlyFile);
    const problems = [];
    try {
      const checked = await eachPage(async (rel) => {
        const page = await context.newPage();
        try {
          await page.goto(fileUrl(rel), { waitUntil: 'load' });
          await settle(page);
          // file:// stylesheets cannot be fetched again (CORS), so no preload:
          // the CSSOM rules run in the HTTP test below.
          problems.push(...axeLines(rel, ` [${colorScheme}]`, await runAxe(page, { preload: false })));
        } catch (e) {
          problems.push(`${rel}: axe could not run: ${String(e.message).split('\n')[0]}`);
        } finally {
          await page.close();
        }
      });
      report(t, problems, checked);
    } finally {
      await context.close();
    }
  });
}

// ---------------------------------------------------------------------------
// 5. Text resize: 200 % zoom of a 1280 px window is a 640 px layout viewport at
// device scale 2; and the root font size doubled at 1280 px.

test('text resize 200 %: no horizontal scrolling at 640 px (2x) nor with 200 % root font at 1280 px', { timeout: TIMEOUT }, async (t) => {
  const context = await newContext({ viewport: { width: 640, height: 720 }, deviceScaleFactor: 2 }, onlyFile);
  const problems = [];
  try {
    const checked = await eachPage(async (rel) => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(rel), { waitUntil: 'load' });
        await settle(page);
        let w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > 640) problems.push(`${rel}: at 200 % zoom (640 px) scrollWidth is ${w}px; sticking out: ${await overflowCulprits(page)}`);
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        await settle(page);
        w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > 1280) problems.push(`${rel}: with 200 % root font at 1280 px scrollWidth is ${w}px; sticking out: ${await overflowCulprits(page)}`);
      } catch (e) {
        problems.push(`${rel}: could not be opened: ${String(e.message).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    });
    report(t, problems, checked);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// 2. The same pages from a static HTTP server on 127.0.0.1, under a sub-folder.

let server;
const served = []; // every path the server was asked for

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.pdf': 'application/pdf', '.zip': 'application/zip', '.epub': 'application/epub+zip',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.json': 'application/json',
};

/** Serves SITE under SUBFOLDER like a plain static host; returns its origin. */
async function startServer() {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    served.push(url.pathname);
    let file = null;
    if (url.pathname.startsWith(SUBFOLDER)) {
      let rel = decodeURIComponent(url.pathname.slice(SUBFOLDER.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const abs = path.resolve(SITE, rel);
      if (abs.startsWith(SITE + path.sep) && fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) file = abs;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).on('error', reject));
  return `http://127.0.0.1:${server.address().port}`;
}

test(`http://127.0.0.1${SUBFOLDER}: no request off the sub-folder, no 404, no console error, no CSP violation, no axe violation`, { timeout: TIMEOUT }, async (t) => {
  const origin = await startServer();
  const base = origin + SUBFOLDER;
  const context = await newContext({}, (href) => href.startsWith(origin + '/'));
  const problems = [];
  try {
    const checked = await eachPage(async (rel) => {
      const page = await context.newPage();
      const log = watch(page);
      try {
        const res = await page.goto(base + rel, { waitUntil: 'load' });
        await settle(page);
        if (res?.status() !== 200) problems.push(`${rel}: the page itself answered ${res?.status()}`);
        for (const u of log.requests) if (!u.startsWith(base)) problems.push(`${rel}: request outside ${SUBFOLDER}: ${u}`);
        for (const r of log.responses) if (r.status >= 400) problems.push(`${rel}: ${r.status} for ${r.url}`);
        for (const m of log.failed) problems.push(`${rel}: failed to load ${m}`);
        for (const m of log.console) problems.push(`${rel}: console ${m}`);
        for (const m of log.errors) problems.push(`${rel}: script error: ${m}`);
        for (const m of await page.evaluate(() => window.__cspViolations)) problems.push(`${rel}: CSP violation: ${m}`);
        // Over HTTP axe can read the style sheets, so its CSSOM rules run too.
        problems.push(...axeLines(rel, ' [http]', await runAxe(page, { preload: true })));
      } catch (e) {
        problems.push(`${rel}: could not be opened: ${String(e.message).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    });
    const outside = [...new Set(served.filter((p) => !p.startsWith(SUBFOLDER)))];
    for (const p of outside) problems.push(`(server): asked for ${p}, outside ${SUBFOLDER}`);
    report(t, problems, checked);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// 3. Language chooser: complete without JavaScript; with it, suggests the
// visitor's language and never navigates away.

test('chooser without JavaScript: three links, fr, nl, en, nothing suggested', { timeout: TIMEOUT }, async () => {
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  try {
    const page = await context.newPage();
    await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
    const got = await page.evaluate(() => ({
      links: [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')),
      suggested: document.querySelectorAll('.suggested').length,
      hints: [...document.querySelectorAll('#choices .hint')].filter((h) => !h.hidden).length,
    }));
    assert.deepEqual(got.links, ['fr/index.html', 'nl/index.html', 'en/index.html'], 'index.html: the chooser\'s links');
    for (const l of got.links) assert.ok(isFile(l), `index.html: link ${l} names no existing file`);
    assert.equal(got.suggested, 0, 'index.html: a language is suggested without JavaScript');
    assert.equal(got.hints, 0, 'index.html: a suggestion hint shows without JavaScript');
  } finally {
    await context.close();
  }
});

for (const [locale, want] of [['nl-BE', 'nl'], ['fr-BE', 'fr'], ['en-GB', 'en'], ['de-DE', null]]) {
  test(`chooser with JavaScript, browser in ${locale}: suggests ${want ?? 'nothing'}, stays on the page`, { timeout: TIMEOUT }, async () => {
    const context = await newContext({ locale, viewport: { width: 320, height: 640 } }, onlyFile);
    try {
      const page = await context.newPage();
      const log = watch(page);
      let navigations = 0;
      page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
      const url = fileUrl('index.html');
      await page.goto(url, { waitUntil: 'load' });
      await settle(page);
      await page.waitForTimeout(300); // time for a (forbidden) redirect to start
      assert.equal(page.url(), url, 'index.html: the chooser navigated away');
      assert.equal(navigations, 1, 'index.html: the chooser navigated');
      const got = await page.evaluate(() => ({
        scripts: document.scripts.length,
        suggested: [...document.querySelectorAll('#choices li.suggested')].map((li) => li.dataset.lang),
        hints: [...document.querySelectorAll('#choices .hint')].filter((h) => !h.hidden).map((h) => h.closest('li').dataset.lang),
        scrollWidth: document.documentElement.scrollWidth,
      }));
      assert.ok(got.scripts > 0, 'index.html: the chooser loads no script');
      assert.deepEqual(got.suggested, want ? [want] : [], `index.html: suggested languages for ${locale}`);
      assert.deepEqual(got.hints, want ? [want] : [], `index.html: visible hints for ${locale}`);
      assert.deepEqual([...log.console, ...log.errors, ...log.failed], [], 'index.html: console or script errors');
      assert.ok(got.scrollWidth <= 320, `index.html: at 320 px wide, scrollWidth ${got.scrollWidth}px > 320px`);
      if (want) {
        const lines = axeLines('index.html', ` [${locale} suggestion]`, await runAxe(page, { preload: false }));
        assert.deepEqual(lines, [], 'index.html: axe violations with the suggestion shown');
      }
    } finally {
      await context.close();
    }
  });
}

// Sanity of the harness itself: the request recorder and the route guard see
// and stop a request to another host, so "no request" above is meaningful.
test('harness: a request to another host is seen and aborted', { timeout: TIMEOUT }, async () => {
  const context = await newContext({}, onlyFile);
  try {
    const page = await context.newPage();
    const log = watch(page);
    // A page without CSP, so only the guard stands between it and the port.
    await page.setContent('<img src="http://127.0.0.1:9/probe.png" alt="">');
    await page.waitForTimeout(100);
    assert.ok(log.requests.some((u) => u.startsWith('http://127.0.0.1:9/')), 'the request recorder missed a request');
    assert.ok(log.failed.some((m) => m.startsWith('http://127.0.0.1:9/')), 'the route guard let a request through');
  } finally {
    await context.close();
  }
});
