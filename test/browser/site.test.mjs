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
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { stem } from './stem.mjs';

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
              // Checklists (section 6) and glossary links (section 8).
              tasks: q('input.task-box').map((b) => ({
                id: b.id, type: b.type,
                disabled: b.matches(':disabled') || b.getAttribute('aria-disabled') === 'true',
                sameId: b.id ? q('[id]').filter((e) => e.id === b.id).length : 0,
                labels: q('label').filter((l) => b.id && l.htmlFor === b.id).map((l) => ({
                  text: l.textContent.replace(/\s+/g, ' ').trim(), bound: l.control === b,
                })),
              })),
              tasksTools: q('.tasks-tools').map((e) => ({
                page: e.getAttribute('data-page'), shown: !e.hidden && e.getClientRects().length > 0,
                buttons: e.querySelectorAll('button').length, status: e.querySelectorAll('[role=status]').length,
              })),
              gloss: q('a.gloss').map((a) => ({ raw: a.getAttribute('href'), abs: a.href, text: a.textContent.trim() })),
              h2ids: q('h2[id]').map((h) => h.id),
              // Way-finding (section 5b): which h2 some <nav> of the page links to.
              h2linked: q('main h2[id]').filter((h) => q('nav a[href^="#"]').some((a) => a.getAttribute('href') === `#${h.id}`)).map((h) => h.id),
              mainH2: q('main h2[id]').map((h) => h.id),
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
          // The violation event is queued, not dispatched at once: under load
          // a fixed 20 ms wait missed it. Wait for it (2 s at most) instead.
          await page.waitForFunction((n) => window.__cspViolations.length > n, f.csp.length, { timeout: 2_000 }).catch(() => {});
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

// The layout changes at 40 em (the menu folds) and 64 em (contents beside
// the text): each page is audited at a desktop's, a phone's and the
// smallest width, resized in place rather than loaded three times.
const AXE_WIDTHS = [1280, 360, 320];

for (const colorScheme of ['light', 'dark']) {
  test(`axe (${AXE_TAGS.join(', ')}), ${colorScheme} scheme, file://, ${AXE_WIDTHS.join(', ')} px wide: no violation`, { timeout: TIMEOUT }, async (t) => {
    const context = await newContext({ colorScheme, viewport: { width: AXE_WIDTHS[0], height: 800 } }, onlyFile);
    const problems = [];
    try {
      const checked = await eachPage(async (rel) => {
        const page = await context.newPage();
        try {
          await page.goto(fileUrl(rel), { waitUntil: 'load' });
          await settle(page);
          for (const width of AXE_WIDTHS) {
            if (width !== AXE_WIDTHS[0]) {
              await page.setViewportSize({ width, height: 800 });
              await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
            }
            // file:// stylesheets cannot be fetched again (CORS), so no preload:
            // the CSSOM rules run in the HTTP test below.
            problems.push(...axeLines(rel, ` [${colorScheme}, ${width} px]`, await runAxe(page, { preload: false })));
          }
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
// 5b. A phone's first screen and way-finding: at 360×800 the h1 starts in the
// top 30 % (the header folds its menu), nothing scrolls sideways; a page with
// four h2 or more has a contents list that links to each of them.

const PHONE = { width: 360, height: 800 };
const H1_TOP_MAX = 240;
const MIN_CONTENTS = 4;

test(`phone, ${PHONE.width}×${PHONE.height}: the h1 starts within ${H1_TOP_MAX} px of the top, no horizontal scrolling`, { timeout: TIMEOUT }, async (t) => {
  const context = await newContext({ viewport: PHONE }, onlyFile);
  const problems = [];
  try {
    const checked = await eachPage(async (rel) => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(rel), { waitUntil: 'load' });
        await settle(page);
        const m = await page.evaluate(() => ({
          top: document.querySelector('h1')?.getBoundingClientRect().top,
          width: document.documentElement.scrollWidth,
        }));
        if (m.top === undefined) problems.push(`${rel}: no h1`);
        else if (m.top > H1_TOP_MAX) problems.push(`${rel}: the h1 starts ${Math.round(m.top)} px from the top (want ≤ ${H1_TOP_MAX})`);
        if (m.width > PHONE.width) problems.push(`${rel}: scrollWidth ${m.width}px > ${PHONE.width}px; sticking out: ${await overflowCulprits(page)}`);
      } catch (e) {
        problems.push(`${rel}: ${String(e.message).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    });
    report(t, problems, checked);
  } finally {
    await context.close();
  }
});

test(`contents: a page with ${MIN_CONTENTS} h2 or more has a <nav> linking to each of them`, { timeout: TIMEOUT }, async (t) => {
  let long = 0;
  await overStrict(t, (rel, f, problems) => {
    const { mainH2, h2linked } = f.dom;
    if (mainH2.length < MIN_CONTENTS) return;
    long++;
    const missing = mainH2.filter((id) => !h2linked.includes(id));
    if (missing.length) problems.push(`${rel}: no contents link to h2 ${missing.map((id) => `#${id}`).join(', ')}`);
  });
  assert.ok(long >= LANGS.length * 5, `only ${long} pages have ${MIN_CONTENTS} h2 or more`);
});

// Without JavaScript, on a phone and on a desktop: the folded menu opens
// and its links show; the contents' links show (opened if folded) and
// move to their section; the downloads are links in the footer.
// One page of each kind per language: home, charter, a module, glossary,
// self-assessment.
const kinds = () => LANGS.flatMap((l) => [`${l}/index.html`, CHARTER[l], GLOSSARY[l], ASSESSMENT[l],
  PAGES.find((p) => p.startsWith(`${l}/modules/`) && !p.endsWith('index.html'))]);

test('without JavaScript, 360 and 1280 px: the menu, the contents and the downloads are reachable', { timeout: TIMEOUT }, async (t) => {
  const problems = [];
  let checked = 0;
  for (const width of [360, 1280]) {
    const context = await newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false }, onlyFile);
    try {
      checked = await eachPage(async (rel) => {
        const page = await context.newPage();
        const at = `${rel} [${width} px, no JS]`;
        try {
          await page.goto(fileUrl(rel), { waitUntil: 'load' });
          const menu = page.locator('details.menu');
          if (await menu.count()) {
            const summary = menu.locator('summary');
            if (await summary.isVisible()) await click(summary);
            const links = menu.locator('.site-nav a');
            if (!(await links.count()) || !(await links.first().isVisible())) problems.push(`${at}: the menu's links do not show`);
            if (await summary.isVisible()) await click(summary); // folded again: it drops over the page
          } else if (!rel.startsWith('index.html') && !(await page.locator('nav.site-nav').count()) && (await page.locator('.site-header').count())) {
            problems.push(`${at}: no menu`);
          }
          const toc = page.locator('nav.toc');
          if (await toc.count()) {
            const summary = toc.locator('summary');
            if (await summary.isVisible() && !(await toc.locator('details').evaluate((d) => d.open))) await click(summary);
            const link = toc.locator('details a').first();
            if (!(await link.isVisible())) problems.push(`${at}: the contents' links do not show`);
            else {
              const href = await link.getAttribute('href');
              await click(link);
              if (await page.evaluate(() => location.hash) !== href) problems.push(`${at}: the contents' first link does not go to ${href}`);
            }
          }
          const dl = page.locator('.site-footer .downloads a[download]');
          if (await page.locator('.site-footer').count() && !rel.includes('404') && !(await dl.count())) problems.push(`${at}: no download link in the footer`);
          else if (await dl.count()) {
            await dl.first().scrollIntoViewIfNeeded();
            if (!(await dl.first().isVisible())) problems.push(`${at}: the downloads do not show`);
          }
        } catch (e) {
          problems.push(`${at}: ${String(e.message).split('\n')[0]}`);
        } finally {
          await page.close();
        }
      }, kinds());
    } finally {
      await context.close();
    }
  }
  assert.equal(checked, kinds().length);
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  t.diagnostic(`${checked} pages checked at 360 and 1280 px`);
});

// The downloads page of each language, without JavaScript on a phone:
// reached from the home page's print action, from a page's footer and
// from the root chooser; it lists every PDF, zip and EPUB of its language
// and the zip of every language, each with its facts (a PDF's pages), and
// says how to print the imposed booklet.
const LANG_FILE = /-(fr|nl|en)\.(zip|epub)$/;

/** The files a language's downloads page must list, from the site root. */
function downloadsOf(lang) {
  const pdfs = fs.readdirSync(path.join(SITE, lang, 'print')).filter((f) => f.endsWith('.pdf')).map((f) => `${lang}/print/${f}`);
  const bundles = fs.readdirSync(DOWNLOADS).filter((f) => /\.(zip|epub)$/.test(f))
    .filter((f) => f.match(LANG_FILE)?.[1] === lang || (!LANG_FILE.test(f) && f.endsWith('.zip'))).map((f) => `downloads/${f}`);
  return [...pdfs, ...bundles].sort();
}

test('downloads page without JavaScript, 360 px: reached from the home page, a footer and the chooser; every file of its language with its facts; how to print the booklet', { timeout: TIMEOUT }, async (t) => {
  const context = await newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false }, onlyFile);
  const problems = [];
  const pageOf = new Map();
  try {
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(fileUrl(`${lang}/index.html`), { waitUntil: 'load' });
      const action = page.locator('.print-action a.print-all');
      if (!(await action.count()) || !(await action.isVisible())) { problems.push(`${lang}/index.html: no visible link to the downloads page beside the print action`); continue; }
      await click(action);
      await page.waitForLoadState('load');
      const rel = siteRel(page.url());
      pageOf.set(lang, rel);
      if (!rel?.startsWith(`${lang}/`)) { problems.push(`${lang}/index.html: the downloads link leads to ${rel}`); continue; }
      const got = await page.evaluate(() => [...document.querySelectorAll('main li')].filter((li) => li.querySelector(':scope > a[download]')).map((li) => ({
        href: li.querySelector(':scope > a').href, text: li.querySelector(':scope > a').textContent,
        facts: li.querySelector('.dl-facts')?.textContent ?? '', steps: li.querySelectorAll('.dl-how li').length,
        shown: li.querySelector(':scope > a').getBoundingClientRect().width > 0,
      })));
      const listed = got.map((g) => siteRel(g.href)).sort();
      const want = downloadsOf(lang);
      if (listed.join(' ') !== want.join(' ')) problems.push(`${rel}: lists ${listed.join(', ')}; want ${want.join(', ')}`);
      for (const g of got) {
        const file = siteRel(g.href);
        if (!isFile(file)) problems.push(`${rel}: ${file} does not exist`);
        if (!g.shown) problems.push(`${rel}: the link to ${file} does not show`);
        if (!/\d/.test(g.text)) problems.push(`${rel}: "${g.text}" gives no size`);
        if (!g.facts.includes(path.basename(file))) problems.push(`${rel}: the facts of ${file} do not name its file: "${g.facts}"`);
        if (file.endsWith('.pdf') && !/\d/.test(g.facts)) problems.push(`${rel}: the facts of ${file} give no page count: "${g.facts}"`);
      }
      const howTo = got.filter((g) => g.steps > 0);
      if (howTo.length !== 1 || howTo[0].steps < 3 || !howTo[0].href.endsWith('.pdf')) problems.push(`${rel}: want one PDF with its printing steps, got ${JSON.stringify(howTo.map((g) => [siteRel(g.href), g.steps]))}`);
      t.diagnostic(`${rel}: ${got.length} files`);
      await page.goto(fileUrl(CHARTER[lang]), { waitUntil: 'load' });
      const foot = page.locator('.site-footer .downloads a:not([download])');
      if (!(await foot.count())) problems.push(`${CHARTER[lang]}: no link to the downloads page in the footer`);
      else {
        await foot.first().scrollIntoViewIfNeeded();
        if (siteRel(await foot.first().evaluate((a) => a.href)) !== rel || !(await foot.first().isVisible())) problems.push(`${CHARTER[lang]}: the footer's link does not show ${rel}`);
      }
    }
    await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
    const chooser = await page.evaluate(() => [...document.querySelectorAll('.site-footer [lang] a')].map((a) => ({ lang: a.closest('[lang]').lang, href: a.href })));
    for (const [lang, rel] of pageOf) {
      if (!chooser.some((a) => a.lang === lang && siteRel(a.href) === rel)) problems.push(`index.html: the ${lang} footer does not link to ${rel}`);
    }
    await page.close();
  } finally {
    await context.close();
  }
  assert.equal(pageOf.size, LANGS.length, `downloads pages found: ${[...pageOf.values()].join(', ')}`);
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
});

// The section being read is marked in the contents: with JavaScript, its
// link (aria-current="location") as the reader scrolls, one at a time;
// without, the heading a link leads to (:target).
test('contents: the section being read is marked, with JavaScript as the reader scrolls, without by :target', { timeout: TIMEOUT }, async (t) => {
  const pages = LANGS.flatMap((l) => [GLOSSARY[l], PAGES.find((p) => p.startsWith(`${l}/modules/`) && !p.endsWith('index.html'))]);
  const problems = [];
  let marked = 0;
  for (const js of [true, false]) {
    const context = await newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: js }, onlyFile);
    try {
      await eachPage(async (rel) => {
        const page = await context.newPage();
        try {
          await page.goto(fileUrl(rel), { waitUntil: 'load' });
          const ids = await page.evaluate(() => [...document.querySelectorAll('.toc details a[href^="#"]')].map((a) => a.getAttribute('href').slice(1)));
          if (ids.length < 4) { problems.push(`${rel}: ${ids.length} contents links`); return; }
          if (!js) {
            const id = ids[1];
            await page.goto(`${fileUrl(rel)}#${id}`, { waitUntil: 'load' });
            const border = await page.evaluate((id) => getComputedStyle(document.getElementById(id)).borderLeftWidth, id);
            if (border === '0px') problems.push(`${rel}#${id} without JavaScript: the section's heading is not marked`);
            return;
          }
          for (const id of ids) {
            const at = await page.evaluate((id) => new Promise((done) => {
              document.getElementById(id).scrollIntoView({ block: 'start', behavior: 'instant' });
              requestAnimationFrame(() => requestAnimationFrame(() => {
                const h = document.getElementById(id).getBoundingClientRect().top;
                const bottom = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
                const current = [...document.querySelectorAll('.toc a[aria-current]')].map((a) => a.getAttribute('href'));
                // A short section: the next heading is in the upper third too, and is the one being read.
                const next = current.length === 1 && current[0] !== `#${id}` && (() => {
                  const n = document.getElementById(decodeURIComponent(current[0].slice(1)));
                  return !!n && (document.getElementById(id).compareDocumentPosition(n) & 4) !== 0 && n.getBoundingClientRect().top <= innerHeight / 3;
                })();
                done({ top: h < innerHeight / 3 && !bottom && !next, current });
              }));
            }), id);
            if (at.current.length !== 1) problems.push(`${rel}: at #${id}, ${at.current.length} contents links are marked`);
            else if (at.top && at.current[0] !== `#${id}`) problems.push(`${rel}: at #${id}, ${at.current[0]} is marked`);
            else if (at.top) marked++;
          }
        } catch (e) {
          problems.push(`${rel}: ${String(e.message).split('\n')[0]}`);
        } finally {
          await page.close();
        }
      }, pages);
    } finally {
      await context.close();
    }
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  assert.ok(marked >= pages.length * 3, `only ${marked} sections were checked at the top of the window`);
  t.diagnostic(`${pages.length} pages, ${marked} sections marked as read`);
});

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

// A booklet's old address (before the booklets were named in their
// language) gets its language's 404 page, which shows the new file. The
// server stands for a host with base_url set: the page gets a <base> for
// its folder, as the build's Rebase gives its links.
test(`404 page at a booklet's old address, http://127.0.0.1${SUBFOLDER}: shows the link to the renamed file; hidden without JavaScript`, { timeout: TIMEOUT }, async (t) => {
  const olds = [];
  for (const lang of LANGS) {
    const html = fs.readFileSync(path.join(SITE, lang, '404.html'), 'utf8');
    for (const m of html.matchAll(/data-old="([^"]+)"/g)) olds.push({ lang, old: m[1] });
  }
  assert.ok(olds.length >= LANGS.length * 4, `the 404 pages list ${olds.length} renamed booklets, want 4 per language`);
  const srv = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(SUBFOLDER.length);
    const abs = path.resolve(SITE, rel);
    if (abs.startsWith(SITE + path.sep) && fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(abs)] || 'application/octet-stream' });
      fs.createReadStream(abs).pipe(res);
      return;
    }
    const lang = LANGS.find((l) => rel.startsWith(`${l}/`));
    const page = fs.readFileSync(path.join(SITE, lang ? `${lang}/404.html` : '404.html'), 'utf8')
      .replace('<head>', `<head><base href="${SUBFOLDER}${lang ? `${lang}/` : ''}">`);
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((resolve, reject) => srv.listen(0, '127.0.0.1', resolve).on('error', reject));
  const origin = `http://127.0.0.1:${srv.address().port}`;
  const problems = [];
  try {
    for (const js of [true, false]) {
      const context = await newContext({ javaScriptEnabled: js }, (href) => href.startsWith(origin + '/'));
      try {
        const seen = new Set();
        for (const { lang, old } of olds) {
          // Every old address with JavaScript; axe, and the page without
          // JavaScript, once per language (axe takes seconds a page).
          const first = !seen.has(lang);
          seen.add(lang);
          if (!js && !first) continue;
          const page = await context.newPage();
          const log = watch(page);
          const res = await page.goto(origin + SUBFOLDER + old, { waitUntil: 'load' });
          if (js) await settle(page); // (its timer never fires without JavaScript)
          const got = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            list: !document.getElementById('moved')?.hidden,
            shown: [...document.querySelectorAll('#moved li:not([hidden]) a')].map((a) => ({ href: a.href, text: a.textContent })),
            footer: [...document.querySelectorAll('.downloads a')].map((a) => a.href),
          }));
          const where = `${old} (JavaScript ${js ? 'on' : 'off'})`;
          if (res?.status() !== 404 || got.lang !== lang) problems.push(`${where}: answered ${res?.status()} in "${got.lang}", want the ${lang} 404 page`);
          const want = await page.evaluate((o) => document.querySelector(`#moved li[data-old="${o}"] a`)?.getAttribute('data-new'), old);
          if (!want) problems.push(`${where}: the page does not list it`);
          if (js) {
            if (!got.list || got.shown.length !== 1 || got.shown[0].href !== origin + SUBFOLDER + want) problems.push(`${where}: shows ${JSON.stringify(got.shown)}, want one link to ${SUBFOLDER}${want}`);
            else {
              const pdf = await page.request.get(got.shown[0].href);
              if (pdf.status() !== 200 || !(await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-'))) problems.push(`${where}: the link leads to ${pdf.status()}, not a PDF`);
            }
            for (const m of await page.evaluate(() => window.__cspViolations)) problems.push(`${where}: CSP violation: ${m}`);
            for (const m of log.errors) problems.push(`${where}: script error: ${m}`);
            for (const r of log.responses) if (r.status >= 400 && r.url !== origin + SUBFOLDER + old) problems.push(`${where}: ${r.status} for ${r.url}`);
            if (first) problems.push(...axeLines(where, ' [http]', await runAxe(page, { preload: true })));
          } else {
            if (got.list || got.shown.length) problems.push(`${where}: the list shows without JavaScript`);
            if (!got.footer.includes(origin + SUBFOLDER + want)) problems.push(`${where}: the footer does not link ${want}`);
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await new Promise((resolve) => { srv.close(resolve); srv.closeAllConnections(); });
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  t.diagnostic(`${olds.length} old booklet addresses, each shown its new file`);
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

test('chooser: every word is marked with its language, in the skip link, heading and footer of each', { timeout: TIMEOUT }, async () => {
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  try {
    const page = await context.newPage();
    await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
    const got = await page.evaluate(() => {
      const unmarked = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.trim();
        // Letters need a language of their own below <html>, which says
        // only one of the three.
        if (/\p{L}/u.test(text) && !n.parentElement.closest('body [lang]')) unmarked.push(text);
      }
      const langs = (sel) => [...document.querySelectorAll(`${sel} [lang]`)].map((e) => e.lang);
      return { unmarked, skip: langs('a.skip'), h1: langs('h1'), footer: [...document.querySelectorAll('footer [lang]')].filter((e) => e.querySelector('a[rel=license]')).map((e) => e.lang) };
    });
    assert.deepEqual(got.unmarked, [], 'index.html: text outside an element that says its language');
    for (const part of ['skip', 'h1', 'footer']) assert.deepEqual(got[part], ['fr', 'nl', 'en'], `index.html: the languages of the ${part}`);
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

// ---------------------------------------------------------------------------
// 6. Checklists (input.task-box, with checklist.js): labelled, real
// checkboxes; with JavaScript the ticks are kept in this browser
// (localStorage) and a button clears them; without it they still work.

/** Pages of the generated self-assessment, the charter it is built from,
 *  and the glossary, per language. */
const ASSESSMENT = { fr: 'fr/auto-evaluation.html', nl: 'nl/zelfevaluatie.html', en: 'en/self-assessment.html' };
const CHARTER = { fr: 'fr/charte.html', nl: 'nl/charter.html', en: 'en/charter.html' };
const GLOSSARY = { fr: 'fr/glossaire.html', nl: 'nl/woordenlijst.html', en: 'en/glossary.html' };
const MIN_CHECKLIST_PAGES = 15;
const langOf = (rel) => rel.split('/')[0];

/** Pages with at least one input.task-box (from the strict pass), by language. */
async function checklistPages() {
  const facts = await strict();
  const byLang = new Map();
  for (const rel of PAGES) {
    if (!facts.get(rel)?.dom?.tasks.length) continue;
    if (!byLang.has(langOf(rel))) byLang.set(langOf(rel), []);
    byLang.get(langOf(rel)).push(rel);
  }
  return byLang;
}

/** Opens rel over file:// in context; returns the page and its log. */
async function open(context, rel) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(fileUrl(rel), { waitUntil: 'load' });
  await settle(page);
  return { page, log };
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await settle(page);
}

const ACTION_TIMEOUT = 5_000; // a missing label fails fast, not after Playwright's 30 s
const ticks = (page) => page.$$eval('input.task-box', (bs) => bs.map((b) => b.checked));
const labelFor = (page, id) => page.locator(`label[for=${JSON.stringify(id)}]`);
/** Clicks as a visitor does (Playwright checks the target is visible, enabled, not covered). */
const click = (locator) => locator.click({ timeout: ACTION_TIMEOUT });
const noise = (log) => [...log.console, ...log.errors, ...log.failed];

test(`checklists: at least ${MIN_CHECKLIST_PAGES} pages; every box labelled by a <label for> with text, enabled, with its clear button`, { timeout: TIMEOUT }, async (t) => {
  let pages = 0;
  let boxes = 0;
  await overStrict(t, (rel, f, problems) => {
    const { tasks, tasksTools } = f.dom;
    if (!tasks.length) {
      if (tasksTools.length) problems.push(`${rel}: .tasks-tools but no input.task-box`);
      return;
    }
    pages++;
    boxes += tasks.length;
    tasks.forEach((b, i) => {
      const where = `${rel}: input.task-box #${i + 1}${b.id ? ` (id "${b.id}")` : ''}`;
      if (b.type !== 'checkbox') problems.push(`${where} is type="${b.type}" (want checkbox)`);
      if (b.disabled) problems.push(`${where} is disabled`);
      if (!b.id) { problems.push(`${where} has no id, so no <label for> can name it`); return; }
      if (b.sameId !== 1) problems.push(`${where}: ${b.sameId} elements have this id (want 1)`);
      if (b.labels.length !== 1) problems.push(`${where}: ${b.labels.length} <label for="${b.id}"> (want 1)`);
      for (const l of b.labels) {
        if (!l.bound) problems.push(`${where}: <label for="${b.id}"> does not label it (label.control is another element)`);
        if (!l.text) problems.push(`${where}: <label for="${b.id}"> has no text`);
      }
    });
    if (tasksTools.length !== 1) { problems.push(`${rel}: ${tasksTools.length} .tasks-tools (want 1)`); return; }
    const tools = tasksTools[0];
    if (tools.page !== rel) problems.push(`${rel}: .tasks-tools data-page="${tools.page}" (want "${rel}": it keys the page's saved ticks)`);
    if (tools.buttons !== 1) problems.push(`${rel}: .tasks-tools holds ${tools.buttons} buttons (want 1, the clear button)`);
    if (tools.status !== 1) problems.push(`${rel}: .tasks-tools holds ${tools.status} [role=status] (want 1)`);
    if (!tools.shown) problems.push(`${rel}: .tasks-tools is still hidden with JavaScript`);
  });
  assert.ok(pages >= MIN_CHECKLIST_PAGES, `only ${pages} pages have an input.task-box (want at least ${MIN_CHECKLIST_PAGES})`);
  const byLang = await checklistPages();
  for (const l of LANGS) assert.ok(byLang.get(l)?.length > 0, `no checklist page in ${l}/`);
  t.diagnostic(`${pages} checklist pages, ${boxes} boxes`);
});

for (const lang of LANGS) {
  test(`checklist (${lang}) with JavaScript, file://: ticks survive a reload, stay on their page, and "clear" removes them`, { timeout: TIMEOUT }, async (t) => {
    const rels = (await checklistPages()).get(lang) ?? [];
    assert.ok(rels.length >= 2, `${lang}/: ${rels.length} checklist page(s) (want 2: one to tick, one to see the ticks stay apart)`);
    const [rel, other] = rels;
    // A fresh context: empty localStorage, shared by every file:// page in it.
    const context = await newContext({}, onlyFile);
    try {
      const { page, log } = await open(context, rel);
      const n = (await ticks(page)).length;
      assert.ok(n >= 2, `${rel}: ${n} input.task-box (want at least 2)`);
      const none = Array(n).fill(false);
      const two = none.map((_, i) => i < 2);
      assert.deepEqual(await ticks(page), none, `${rel}: boxes ticked in a fresh browser`);
      const tools = page.locator('.tasks-tools');
      const clear = page.locator('.tasks-tools button');
      const status = page.locator('.tasks-tools [role=status]');
      assert.equal(await tools.count(), 1, `${rel}: .tasks-tools`);
      assert.ok(await tools.isVisible(), `${rel}: .tasks-tools is hidden with JavaScript`);
      assert.equal(await clear.count(), 1, `${rel}: buttons in .tasks-tools`);
      assert.ok(await clear.isVisible(), `${rel}: the clear button is not visible`);
      assert.equal(await status.count(), 1, `${rel}: [role=status] in .tasks-tools`);
      assert.equal((await status.textContent()).trim(), '', `${rel}: the status region speaks before anything was cleared`);

      // Tick the first two boxes by their labels, as a visitor does.
      const ids = await page.$$eval('input.task-box', (bs) => bs.slice(0, 2).map((b) => b.id));
      for (const id of ids) await click(labelFor(page, id));
      assert.deepEqual(await ticks(page), two, `${rel}: after clicking the first two labels`);
      // (Chromium does not restore form state on reload: the no-JavaScript
      // test below shows it, so what survives here was saved by the script.)
      await reload(page);
      assert.deepEqual(await ticks(page), two, `${rel}: after a reload, the ticks are not kept`);

      // Another checklist page in the same browser starts blank: each page
      // keeps its own ticks (their boxes share ids like "case", "case-2").
      const o = await open(context, other);
      assert.ok((await ticks(o.page)).length >= 2, `${other}: fewer than 2 boxes`);
      assert.ok((await ticks(o.page)).every((c) => !c), `${other}: ticks from ${rel} show up here`);
      assert.deepEqual(noise(o.log), [], `${other}: console or script errors`);
      await o.page.close();

      await click(clear);
      assert.deepEqual(await ticks(page), none, `${rel}: after "clear"`);
      const said = (await status.textContent()).trim();
      assert.ok(said.length > 0, `${rel}: the status region stays empty after "clear"`);
      assert.equal(said, await status.getAttribute('data-done'), `${rel}: the status region's text after "clear"`);
      await reload(page);
      assert.deepEqual(await ticks(page), none, `${rel}: ticks come back after "clear" and a reload`);
      assert.ok(await tools.isVisible(), `${rel}: .tasks-tools is hidden after a reload`);
      assert.deepEqual(noise(log), [], `${rel}: console or script errors`);
      t.diagnostic(`${rel}: ${n} boxes; ${other} kept apart`);
    } finally {
      await context.close();
    }
  });
}

test('checklists without JavaScript: real, enabled, clickable checkboxes; .tasks-tools stays hidden', { timeout: TIMEOUT }, async (t) => {
  const rels = [...(await checklistPages()).values()].flat();
  assert.ok(rels.length >= MIN_CHECKLIST_PAGES, `only ${rels.length} checklist pages (want at least ${MIN_CHECKLIST_PAGES})`);
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  const problems = [];
  try {
    const checked = await eachPage(async (rel) => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(rel), { waitUntil: 'load' });
        const tools = page.locator('.tasks-tools');
        if (await tools.count() !== 1) problems.push(`${rel}: ${await tools.count()} .tasks-tools (want 1)`);
        else if (await tools.isVisible()) problems.push(`${rel}: .tasks-tools shows without JavaScript (its button would do nothing)`);
        const boxes = page.locator('input.task-box');
        const n = await boxes.count();
        if (n < 2) { problems.push(`${rel}: ${n} input.task-box (want at least 2)`); return; }
        for (let i = 0; i < n; i++) {
          const b = boxes.nth(i);
          const type = await b.getAttribute('type');
          if (type !== 'checkbox') problems.push(`${rel}: box ${i + 1} is type="${type}"`);
          if (!(await b.isVisible())) problems.push(`${rel}: box ${i + 1} is not visible`);
          if (!(await b.isEnabled())) problems.push(`${rel}: box ${i + 1} is disabled`);
        }
        const ids = await page.$$eval('input.task-box', (bs) => bs.map((b) => b.id));
        // A click on a label ticks its box, a second click unticks it;
        // Space ticks a focused box.
        await click(labelFor(page, ids[0]));
        await click(labelFor(page, ids[1]));
        await click(labelFor(page, ids[1]));
        let got = await ticks(page);
        if (!got[0] || got[1]) problems.push(`${rel}: clicking the labels of boxes 1, 2, 2 gives [${got.slice(0, 2)}] (want [true,false])`);
        await boxes.nth(1).focus({ timeout: ACTION_TIMEOUT });
        await page.keyboard.press('Space');
        got = await ticks(page);
        if (!got[1]) problems.push(`${rel}: Space on a focused box does not tick it`);
        if (got.filter(Boolean).length !== 2) problems.push(`${rel}: ${got.filter(Boolean).length} boxes ticked (want 2)`);
        // Nothing keeps them without the script: the browser itself does not
        // restore them on reload.
        await page.reload({ waitUntil: 'load' });
        got = await ticks(page);
        if (got.some(Boolean)) problems.push(`${rel}: ticks survive a reload without JavaScript (so the JavaScript test proves nothing)`);
      } catch (e) {
        problems.push(`${rel}: could not be tested: ${String(e.message).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }, rels);
    assert.equal(checked, rels.length);
    if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
    t.diagnostic(`${checked} checklist pages checked`);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// 7. Self-assessment (assessment.js): built from the charter, one fieldset
// per commitment and one group of 3 radios per bullet; with JavaScript
// scores add up, are kept, printed and cleared; without it, a plain form.

/** What the charter's commitments hold: per level-2 section with a list,
 *  its id, title and the text of its bullets. */
function readCharter(page) {
  return page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const out = [];
    for (const h of document.querySelectorAll('main h2')) {
      const bullets = [];
      for (let e = h.nextElementSibling; e && !/^H[12]$/.test(e.tagName); e = e.nextElementSibling) {
        if (e.matches('ul, ol')) bullets.push(...[...e.children].filter((c) => c.tagName === 'LI').map((li) => norm(li.textContent)));
      }
      if (bullets.length) out.push({ id: h.id, title: norm(h.textContent), bullets });
    }
    return out;
  });
}

/** The self-assessment form's structure. */
function readAssessment(page) {
  return page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const q = (s, root = document) => [...root.querySelectorAll(s)];
    return {
      forms: q('form.assessment').length,
      items: q('.assess-item').length,
      radios: q('form.assessment input[type=radio]').length,
      groups: new Set(q('form.assessment input[type=radio]').map((r) => r.name)).size,
      sections: q('form.assessment fieldset.assess-section').map((fs) => ({
        title: norm(fs.querySelector(':scope > legend')?.textContent ?? ''),
        outputs: q('output', fs).map((o) => o.getAttribute('data-section')),
        items: q(':scope > fieldset.assess-item', fs).map((it) => ({
          legend: norm(it.querySelector(':scope > legend')?.textContent ?? ''),
          inputs: q('input', it).map((r) => ({
            type: r.type, name: r.name, value: r.value, disabled: r.matches(':disabled'),
            label: norm([...r.labels].map((l) => l.textContent).join(' ')),
          })),
        })),
      })),
      sums: q('.assess-summary [data-sum]').map((c) => c.getAttribute('data-sum')),
      meters: q('.assess-summary meter[data-meter]').map((m) => ({ key: m.getAttribute('data-meter'), min: m.min, max: m.max })),
      print: q('.assess-summary [data-act=print]').length,
      clear: q('.assess-summary [data-act=clear]').length,
    };
  });
}

/** What a visitor sees: checked radios, section scores, summary cells, meters. */
function readScores(page) {
  return page.evaluate(() => {
    const q = (s) => [...document.querySelectorAll(s)];
    return {
      checked: q('form.assessment input[type=radio]:checked').map((r) => `${r.name}=${r.value}`),
      outputs: Object.fromEntries(q('form.assessment output[data-section]').map((o) => [o.getAttribute('data-section'), o.textContent.trim()])),
      sums: Object.fromEntries(q('.assess-summary [data-sum]').map((c) => [c.getAttribute('data-sum'), c.textContent.trim()])),
      meters: Object.fromEntries(q('.assess-summary meter[data-meter]').map((m) => [m.getAttribute('data-meter'), m.value])),
    };
  });
}

/** The scores expected with JavaScript when `section` holds `n` points and
 *  the others none; without JavaScript (`scored` false) no cell is filled in
 *  and the meters keep their printed value, 0. */
function expectScores(keys, checked, section, n, scored = true) {
  const cell = (k) => (!scored ? '' : k === section || k === 'total' ? String(n) : '0');
  return {
    checked,
    outputs: Object.fromEntries(keys.map((k) => [k, cell(k)])),
    sums: Object.fromEntries([...keys, 'total'].map((k) => [k, cell(k)])),
    meters: Object.fromEntries([...keys, 'total'].map((k) => [k, scored && (k === section || k === 'total') ? n : 0])),
  };
}

/** Clicks the label of the radio `name` = `value`, as a visitor does. */
const choose = (page, name, value) => click(page.locator(`label:has(> input[type=radio][name=${JSON.stringify(name)}][value="${value}"])`));

const MIN_ASSESS_LINES = 20;

test(`self-assessment: 5 commitments, one group of 3 radios per bullet of the charter (at least ${MIN_ASSESS_LINES}), in every language`, { timeout: TIMEOUT }, async (t) => {
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  const problems = [];
  const lines = [];
  try {
    for (const [lang, rel] of Object.entries(ASSESSMENT)) {
      assert.ok(isFile(rel), `${rel} is missing`);
      assert.ok(isFile(CHARTER[lang]), `${CHARTER[lang]} is missing`);
      const page = await context.newPage();
      await page.goto(fileUrl(CHARTER[lang]), { waitUntil: 'load' });
      const charter = await readCharter(page);
      await page.goto(fileUrl(rel), { waitUntil: 'load' });
      const a = await readAssessment(page);
      await page.close();

      const bullets = charter.reduce((n, s) => n + s.bullets.length, 0);
      lines.push(`${lang}: ${a.sections.length} sections, ${a.items} lines, ${bullets} charter bullets`);
      if (a.forms !== 1) problems.push(`${rel}: ${a.forms} form.assessment (want 1)`);
      if (charter.length !== 5) problems.push(`${CHARTER[lang]}: ${charter.length} commitments (h2 sections with a list; want 5)`);
      if (a.sections.length !== 5) problems.push(`${rel}: ${a.sections.length} fieldset.assess-section (want 5, one per commitment)`);
      if (a.items < MIN_ASSESS_LINES) problems.push(`${rel}: ${a.items} .assess-item (want at least ${MIN_ASSESS_LINES})`);
      if (a.groups !== a.items) problems.push(`${rel}: ${a.groups} radio groups for ${a.items} .assess-item fieldsets (want equal)`);
      if (a.radios !== 3 * a.items) problems.push(`${rel}: ${a.radios} radios for ${a.items} lines (want 3 a line)`);
      if (a.items !== bullets) problems.push(`${rel}: ${a.items} lines but ${CHARTER[lang]} has ${bullets} bullets in its commitments`);

      const keys = [];
      const names = new Set();
      let choiceLabels = null;
      a.sections.forEach((s, si) => {
        const c = charter[si];
        const where = `${rel}: section ${si + 1} "${s.title}"`;
        if (s.outputs.length !== 1 || !s.outputs[0]) { problems.push(`${where}: ${s.outputs.length} output[data-section] (want 1)`); return; }
        const key = s.outputs[0];
        keys.push(key);
        if (!c) return;
        if (c.id !== key) problems.push(`${where}: output data-section="${key}" but the charter's commitment ${si + 1} is h2#${c.id}`);
        if (c.title !== s.title) problems.push(`${where}: title differs from the charter's "${c.title}"`);
        if (s.items.length !== c.bullets.length) problems.push(`${where}: ${s.items.length} lines, the charter's section has ${c.bullets.length} bullets`);
        s.items.forEach((it, ii) => {
          const w = `${where}, line ${ii + 1}`;
          if (!it.legend) problems.push(`${w}: empty <legend>`);
          else if (c.bullets[ii] !== undefined && it.legend !== c.bullets[ii]) problems.push(`${w}: "${it.legend}" is not the charter's bullet "${c.bullets[ii]}"`);
          const types = it.inputs.map((r) => r.type).join();
          const values = it.inputs.map((r) => r.value).join();
          const itemNames = [...new Set(it.inputs.map((r) => r.name))];
          if (types !== 'radio,radio,radio' || values !== '0,1,2') problems.push(`${w}: inputs [${types}] valued [${values}] (want 3 radios 0,1,2)`);
          if (itemNames.length !== 1 || !itemNames[0]) { problems.push(`${w}: radios named [${itemNames}] (want one shared name)`); return; }
          if (names.has(itemNames[0])) problems.push(`${w}: radio name "${itemNames[0]}" is used by another line`);
          names.add(itemNames[0]);
          if (itemNames[0].replace(/-\d+$/, '') !== key) problems.push(`${w}: radio name "${itemNames[0]}" does not add up into section "${key}"`);
          for (const r of it.inputs) if (r.disabled) problems.push(`${w}: radio ${r.value} is disabled`);
          const labels = it.inputs.map((r) => r.label);
          if (labels.some((l) => !l) || new Set(labels).size !== labels.length) problems.push(`${w}: labels [${labels.join(' | ')}] (want 3 distinct, non-empty)`);
          choiceLabels ??= labels.join(' | ');
          if (labels.join(' | ') !== choiceLabels) problems.push(`${w}: labels [${labels.join(' | ')}] differ from the first line's [${choiceLabels}]`);
        });
        const meter = a.meters.find((m) => m.key === key);
        if (meter && (meter.min !== 0 || meter.max !== 2 * s.items.length)) problems.push(`${where}: meter min ${meter.min} max ${meter.max} (want 0 and ${2 * s.items.length})`);
      });
      const want = [...keys, 'total'].join();
      if (a.sums.join() !== want) problems.push(`${rel}: summary [data-sum] cells [${a.sums}] (want [${want}])`);
      if (a.meters.map((m) => m.key).join() !== want) problems.push(`${rel}: summary meters [${a.meters.map((m) => m.key)}] (want [${want}])`);
      const total = a.meters.find((m) => m.key === 'total');
      if (total && total.max !== 2 * a.items) problems.push(`${rel}: total meter max ${total.max} (want ${2 * a.items})`);
      if (a.print !== 1 || a.clear !== 1) problems.push(`${rel}: ${a.print} print and ${a.clear} clear buttons (want 1 each)`);
    }
  } finally {
    await context.close();
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  for (const l of lines) t.diagnostic(l);
});

for (const [lang, rel] of Object.entries(ASSESSMENT)) {
  test(`self-assessment (${lang}) with JavaScript, file://: scores add up, survive a reload, print, clear`, { timeout: TIMEOUT }, async (t) => {
    const context = await newContext({}, onlyFile);
    // Headless Chromium cannot print: count the calls instead.
    await context.addInitScript(() => {
      window.__printCalls = 0;
      window.print = () => { window.__printCalls++; };
    });
    try {
      const { page, log } = await open(context, rel);
      const a = await readAssessment(page);
      assert.equal(a.sections.length, 5, `${rel}: fieldset.assess-section`);
      assert.ok(a.items >= MIN_ASSESS_LINES, `${rel}: ${a.items} lines (want at least ${MIN_ASSESS_LINES})`);
      const keys = a.sections.map((s) => s.outputs[0]);
      const first = keys[0];
      const [n0, n1] = a.sections[0].items.slice(0, 2).map((it) => it.inputs[0]?.name);
      assert.ok(n0 && n1, `${rel}: section 1 has fewer than 2 lines`);

      const tools = page.locator('.assess-tools');
      const print = page.locator('.assess-tools [data-act=print]');
      const clear = page.locator('.assess-tools [data-act=clear]');
      const status = page.locator('.assess-tools [role=status]');
      assert.ok(await tools.isVisible(), `${rel}: .assess-tools is hidden with JavaScript`);
      assert.equal(await print.count(), 1, `${rel}: print buttons`);
      assert.ok(await print.isVisible(), `${rel}: the print button is not visible`);
      assert.equal(await clear.count(), 1, `${rel}: clear buttons`);
      assert.ok(await clear.isVisible(), `${rel}: the clear button is not visible`);
      assert.equal(await status.count(), 1, `${rel}: [role=status] in .assess-tools`);

      const zero = expectScores(keys, [], first, 0);
      assert.deepEqual(await readScores(page), zero, `${rel}: scores in a fresh browser`);

      // Line 1 "in place" (2), line 2 "in progress" (1): 3; line 2 then
      // "in place": 4, not 5 (a radio replaces its group's choice).
      await choose(page, n0, 2);
      await choose(page, n1, 1);
      assert.deepEqual(await readScores(page), expectScores(keys, [`${n0}=2`, `${n1}=1`], first, 3), `${rel}: after choosing 2 and 1 in section 1`);
      await choose(page, n1, 2);
      const four = expectScores(keys, [`${n0}=2`, `${n1}=2`], first, 4);
      assert.deepEqual(await readScores(page), four, `${rel}: after choosing 2 and 2 in section 1`);

      await reload(page);
      assert.deepEqual(await readScores(page), four, `${rel}: after a reload, choices or scores are lost`);

      await click(print);
      assert.equal(await page.evaluate(() => window.__printCalls), 1, `${rel}: the print button does not call window.print()`);

      await click(clear);
      assert.deepEqual(await readScores(page), zero, `${rel}: after "clear"`);
      const said = (await status.textContent()).trim();
      assert.ok(said.length > 0, `${rel}: the status region stays empty after "clear"`);
      assert.equal(said, await status.getAttribute('data-done'), `${rel}: the status region's text after "clear"`);
      await reload(page);
      assert.deepEqual(await readScores(page), zero, `${rel}: after "clear" and a reload`);
      assert.deepEqual(noise(log), [], `${rel}: console or script errors`);
      t.diagnostic(`${rel}: ${a.items} lines in ${keys.length} sections`);
    } finally {
      await context.close();
    }
  });
}

test('self-assessment without JavaScript: the radios work, the summary stays blank to fill in on paper, no tools', { timeout: TIMEOUT }, async () => {
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  try {
    for (const rel of Object.values(ASSESSMENT)) {
      const page = await context.newPage();
      await page.goto(fileUrl(rel), { waitUntil: 'load' });
      const a = await readAssessment(page);
      assert.equal(a.sections.length, 5, `${rel}: fieldset.assess-section`);
      const keys = a.sections.map((s) => s.outputs[0]);
      const first = keys[0];
      const n0 = a.sections[0].items[0]?.inputs[0]?.name;
      assert.ok(n0, `${rel}: section 1 has no line`);
      const radios = page.locator('form.assessment input[type=radio]');
      assert.equal(await radios.count(), 3 * a.items, `${rel}: radios`);
      assert.ok(await radios.first().isVisible() && await radios.first().isEnabled(), `${rel}: the first radio is hidden or disabled`);
      assert.equal(await page.locator('.assess-tools').isVisible(), false, `${rel}: .assess-tools shows without JavaScript`);
      assert.equal(await page.locator('.assess-tools [data-act=print]').isVisible(), false, `${rel}: the print button shows without JavaScript`);

      const blank = expectScores(keys, [], first, 0, false);
      assert.deepEqual(await readScores(page), blank, `${rel}: summary without JavaScript`);
      await choose(page, n0, 2);
      await choose(page, n0, 1);
      assert.deepEqual(await readScores(page), expectScores(keys, [`${n0}=1`], first, 1, false), `${rel}: after choosing 2 then 1 on line 1 (one choice, no score filled in)`);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// axe after a visitor's actions: boxes ticked, choices made, scores shown.

for (const colorScheme of ['light', 'dark']) {
  test(`axe, ${colorScheme} scheme, file://: a checklist with ticks and the self-assessment with scores, no violation`, { timeout: TIMEOUT }, async (t) => {
    const byLang = await checklistPages();
    const problems = [];
    let audited = 0;
    for (const lang of Object.keys(ASSESSMENT)) {
      const context = await newContext({ colorScheme }, onlyFile);
      try {
        const rel = byLang.get(lang)?.[0];
        assert.ok(rel, `no checklist page in ${lang}/`);
        let { page } = await open(context, rel);
        const ids = await page.$$eval('input.task-box', (bs) => bs.slice(0, 2).map((b) => b.id));
        assert.equal(ids.length, 2, `${rel}: fewer than 2 boxes`);
        for (const id of ids) await click(labelFor(page, id));
        assert.equal((await ticks(page)).filter(Boolean).length, 2, `${rel}: boxes ticked before the audit`);
        problems.push(...axeLines(rel, ` [${colorScheme}, 2 ticked]`, await runAxe(page, { preload: false })));
        audited++;
        await page.close();

        const arel = ASSESSMENT[lang];
        ({ page } = await open(context, arel));
        const names = await page.$$eval('form.assessment input[type=radio][value="0"]', (rs) => rs.map((r) => r.name));
        assert.ok(names.length >= MIN_ASSESS_LINES, `${arel}: ${names.length} lines`);
        // One line of each kind, and one in the last section.
        await choose(page, names[0], 2);
        await choose(page, names[1], 1);
        await choose(page, names[2], 0);
        await choose(page, names.at(-1), 2);
        const total = await page.locator('.assess-summary [data-sum=total]').textContent();
        assert.equal(total.trim(), '5', `${arel}: total before the audit`);
        problems.push(...axeLines(arel, ` [${colorScheme}, scored]`, await runAxe(page, { preload: false })));
        audited++;
        await page.close();
      } finally {
        await context.close();
      }
    }
    assert.equal(audited, 2 * Object.keys(ASSESSMENT).length, 'pages audited');
    if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
    t.diagnostic(`${audited} pages audited`);
  });
}

// ---------------------------------------------------------------------------
// 8. Glossary: entries in the language's alphabetical order; every a.gloss
// link lands on an entry (an h2) of the glossary in its own language.

const MIN_GLOSSARY_ENTRIES = 20;

test('glossary: entries (h2) in alphabetical order for the page\'s language', { timeout: TIMEOUT }, async (t) => {
  const context = await newContext({}, onlyFile);
  const problems = [];
  try {
    for (const [lang, rel] of Object.entries(GLOSSARY)) {
      assert.ok(isFile(rel), `${rel} is missing`);
      const { page } = await open(context, rel);
      const g = await page.evaluate(() => {
        const article = document.querySelector('main article[lang]');
        const lang = (article ?? document.documentElement).getAttribute('lang');
        const entries = [...document.querySelectorAll('main h2')].map((h) => ({ id: h.id, text: h.textContent.replace(/\s+/g, ' ').trim() }));
        const disorder = [];
        for (let i = 1; i < entries.length; i++) {
          const c = entries[i - 1].text.localeCompare(entries[i].text, lang, { sensitivity: 'base' });
          if (c >= 0) disorder.push(`"${entries[i - 1].text}" ${c ? 'comes before' : 'is the same entry as'} "${entries[i].text}"`);
        }
        return { lang, entries, disorder };
      });
      await page.close();
      if (g.lang !== lang) problems.push(`${rel}: written in "${g.lang}" (want "${lang}")`);
      if (g.entries.length < MIN_GLOSSARY_ENTRIES) problems.push(`${rel}: ${g.entries.length} h2 entries (want at least ${MIN_GLOSSARY_ENTRIES})`);
      for (const e of g.entries) {
        if (!e.id) problems.push(`${rel}: entry "${e.text}" has no id to link to`);
        if (!e.text) problems.push(`${rel}: h2#${e.id} has no text`);
      }
      for (const d of g.disorder) problems.push(`${rel}: not in ${g.lang} order: ${d}`);
      t.diagnostic(`${rel}: ${g.entries.length} entries`);
    }
  } finally {
    await context.close();
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
});

test('glossary links: every a.gloss names an entry (h2 id) of the glossary in its page\'s language', { timeout: TIMEOUT }, async (t) => {
  const facts = await strict();
  const perLang = {};
  await overStrict(t, (rel, f, problems) => {
    for (const a of f.dom.gloss) {
      const where = `${rel}: a.gloss "${a.text}" (${a.raw})`;
      perLang[langOf(rel)] = (perLang[langOf(rel)] ?? 0) + 1;
      const target = siteRel(a.abs);
      if (!isFile(target)) { problems.push(`${where} names no existing file`); continue; }
      const want = GLOSSARY[langOf(rel)];
      if (target !== want) problems.push(`${where} -> ${target} (want ${want ?? 'a glossary in this language'})`);
      const hash = decodeURIComponent(new URL(a.abs).hash.slice(1));
      if (!hash) { problems.push(`${where} names no entry (no #id)`); continue; }
      const tf = facts.get(target);
      if (!tf?.dom) problems.push(`${where}: ${target} could not be read`);
      else if (!tf.dom.h2ids.includes(hash)) {
        problems.push(`${where}: ${target} has no h2#${hash}${tf.dom.ids.includes(hash) ? ' (the id is on another element)' : ''}`);
      }
    }
  });
  for (const lang of Object.keys(GLOSSARY)) assert.ok(perLang[lang] > 0, `no a.gloss link in ${lang}/`);
  t.diagnostic(`a.gloss links: ${Object.entries(perLang).map(([l, n]) => `${l} ${n}`).join(', ')}`);
});

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

// ---------------------------------------------------------------------------
// 9. Offline downloads (downloads/*.zip): unpacked into fresh folders and read
// over file:// with every request that is not file: aborted and recorded.
// The search (search.js and its per-language index) must work there too.

/** CRC-32 of a buffer (zlib.crc32 where Node has it). */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = zlib.crc32 ?? ((b) => {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
});

/** A zip's files, Map name -> Buffer. Reads the central directory (entries
 *  written as a stream carry no sizes in their local headers), inflates with
 *  node:zlib and checks every file's size and CRC-32. */
function readZip(buf, what) {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new Error(`${what}: no end-of-central-directory record, not a zip`);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  if (count === 0xffff || p === 0xffffffff) throw new Error(`${what}: a zip64 archive (this reader stops there)`);
  const files = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${what}: central directory entry ${n + 1} has a bad signature`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const off = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nlen);
    p += 46 + nlen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (buf.readUInt32LE(off) !== 0x04034b50) throw new Error(`${what}: ${name}: bad local header signature`);
    if (flags & 1) throw new Error(`${what}: ${name} is encrypted`);
    const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    const raw = buf.subarray(start, start + csize);
    let data;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = zlib.inflateRawSync(raw);
    else throw new Error(`${what}: ${name}: compression method ${method} (want 0 or 8)`);
    if (data.length !== size) throw new Error(`${what}: ${name}: ${data.length} bytes unpacked, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${what}: ${name}: CRC-32 mismatch`);
    if (files.has(name)) throw new Error(`${what}: ${name} is stored twice`);
    files.set(name, data);
  }
  return files;
}

const DOWNLOADS = path.join(SITE, 'downloads');
const unpacked = new Map(); // zip name -> bundle
const tmpDirs = [];
after(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

/** The zips: the one with every language, and one per language beside it. */
function downloadZips() {
  const zips = fs.existsSync(DOWNLOADS) ? fs.readdirSync(DOWNLOADS).filter((f) => f.endsWith('.zip')) : [];
  const all = zips.find((z) => LANGS.every((l) => zips.includes(z.replace(/\.zip$/, `-${l}.zip`))));
  assert.ok(all, `downloads/: no zip of every language with a <name>-<lang>.zip beside it for ${LANGS.join(', ')} (found: ${zips.join(', ') || 'nothing'})`);
  return { all, one: (l) => all.replace(/\.zip$/, `-${l}.zip`) };
}

/** Unpacks downloads/<zip> into a fresh temporary folder (once per run). */
function bundle(zip) {
  if (unpacked.has(zip)) return unpacked.get(zip);
  const file = path.join(DOWNLOADS, zip);
  assert.ok(fs.existsSync(file), `downloads/${zip} is missing`);
  const files = readZip(fs.readFileSync(file), zip);
  const names = [...files.keys()].filter((n) => !n.endsWith('/'));
  const tops = [...new Set(names.map((n) => n.split('/')[0]))];
  assert.equal(tops.length, 1, `${zip}: ${tops.length} top-level entries [${tops.slice(0, 5).join(', ')}] (want one folder)`);
  const top = tops[0];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sobre-bundle-'));
  tmpDirs.push(tmp);
  const root = path.join(tmp, top);
  const rels = [];
  for (const name of names) {
    const rel = name.slice(top.length + 1);
    const segs = rel.split('/');
    assert.ok(name.startsWith(`${top}/`) && rel && !name.includes('\\') && !segs.some((s) => s === '' || s === '.' || s === '..'),
      `${zip}: entry "${name}" is not a plain path inside ${top}/`);
    const abs = path.join(root, ...segs);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, files.get(name));
    rels.push(rel);
  }
  assert.ok(rels.includes('index.html'), `${zip}: no ${top}/index.html`);
  const b = {
    zip, top, root, rels: rels.sort(),
    pages: rels.filter((r) => r.endsWith('.html')),
    url: (rel) => pathToFileURL(path.join(root, rel)).href,
    /** Bundle-relative path of a file:// URL inside the bundle, or null. */
    rel(url) {
      let u;
      try { u = new URL(url); } catch { return null; }
      if (u.protocol !== 'file:') return null;
      const p = path.relative(root, fileURLToPath(u));
      return p.startsWith('..') || path.isAbsolute(p) ? null : p.split(path.sep).join('/');
    },
    has: (rel) => rel !== null && rels.includes(rel),
  };
  unpacked.set(zip, b);
  return b;
}

/** Everything a context's pages ask for and complain about. */
function watchContext(context) {
  const log = { requests: [], failed: [], console: [], errors: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  context.on('requestfailed', (r) => log.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  context.on('console', (m) => {
    if (m.type() === 'error' || /content security policy/i.test(m.text())) log.console.push(`${m.type()}: ${m.text()} (${m.page()?.url() ?? 'no page'})`);
  });
  context.on('weberror', (e) => log.errors.push(`${String(e.error()?.message ?? e.error()).split('\n')[0]} (${e.page()?.url() ?? 'no page'})`));
  return log;
}

/** The problems in a context's log: requests off file://, a sw.js request,
 *  failed loads, console and script errors. */
function offlineNoise(log, label) {
  const out = [];
  for (const u of log.requests) if (!u.startsWith('file:')) out.push(`${label}: request to ${u} (only file: URLs may be asked for)`);
  for (const u of log.requests) if (/\/sw\.js(\?|#|$)/.test(u)) out.push(`${label}: request to ${u} (no service worker on file://)`);
  for (const m of log.failed) out.push(`${label}: failed to load ${m}`);
  for (const m of log.console) out.push(`${label}: console ${m}`);
  for (const m of log.errors) out.push(`${label}: script error: ${m}`);
  return out;
}

// --- search helpers --------------------------------------------------------

/** Words searched in each language, with and without their accents: each
 *  pair must give the same results. Each accented word is on the
 *  language's pages (checked below). */
const SEARCH_WORDS = {
  fr: ['énergie', 'energie'],
  nl: ['ideeën', 'ideeen'],
  en: ['clichés', 'cliches'],
};
const MAX_RESULTS = 20; // search.js lists the 20 best, then a button shows the rest
const NO_MATCH = 'qxzjwv'; // in no language
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The index a search-<lang>.<hash>.js file declares, read in a sandbox. */
function loadIndex(file, lang) {
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  const ix = sandbox.window.SOBRE_SEARCH?.[lang];
  assert.ok(ix && typeof ix.t === 'string' && Array.isArray(ix.s) && Array.isArray(ix.p), `${file}: declares no SOBRE_SEARCH["${lang}"] with p, s, t, i`);
  ix.lang = lang;
  return ix;
}

/** Whether an indexed (stemmed) term matches the folded query word q as
 *  search.js matches it: the term is q's stem, or starts with q. */
const termMatches = (term, q, lang) => term === stem(q, lang) || term.startsWith(q);

/** Whether a word shown on the page matches the folded query word q. */
const wordMatches = (word, q, lang) => termMatches(stem(fold(word), lang), q, lang);

/** Sections holding a term that matches q (folded), counted from the
 *  index file as search.js's lookup finds them. */
function indexHits(ix, q) {
  ix.terms ??= ix.t ? ix.t.split(' ') : [];
  ix.lists ??= ix.i ? ix.i.split(';') : [];
  const { terms, lists } = ix;
  const secs = new Set();
  terms.forEach((term, k) => {
    if (!termMatches(term, q, ix.lang)) return;
    let prev = 0;
    for (const d of lists[k].split(',')) { prev += parseInt(d, 36); secs.add(prev >> 1); }
  });
  return secs.size;
}

/** The word of 5 letters or more that finds the most sections. */
function commonTerm(ix) {
  let best = null;
  let most = 0;
  for (const term of new Set(ix.t.split(' '))) {
    if (!/^\p{L}{5,}$/u.test(term)) continue;
    const n = indexHits(ix, term);
    if (n > most) { best = term; most = n; }
  }
  return best;
}

/** A word of 5 letters or more that finds exactly one section, or null. */
function oneHitTerm(ix) {
  for (const term of ix.t.split(' ')) if (/^\p{L}{5,}$/u.test(term) && indexHits(ix, term) === 1) return term;
  return null;
}

/** The search index file of lang inside folder dir (a site or a bundle). */
function indexFile(dir, lang) {
  const assets = path.join(dir, 'assets');
  const files = fs.existsSync(assets) ? fs.readdirSync(assets).filter((f) => f.startsWith(`search-${lang}.`) && f.endsWith('.js')) : [];
  assert.equal(files.length, 1, `${assets}: ${files.length} search-${lang}.*.js files [${files.join(', ')}] (want 1)`);
  return path.join(assets, files[0]);
}

/** Lower-cased text of a bundle's pages in one language. */
function pagesText(b, lang) {
  return b.pages.filter((r) => r.startsWith(`${lang}/`))
    .map((r) => fs.readFileSync(path.join(b.root, r), 'utf8').replace(/<[^>]*>/g, ' '))
    .join(' ').normalize('NFC').toLowerCase();
}

/** Puts q in the header search box (one input event, as a paste) and
 *  returns what the visitor is shown once search.js has answered. */
async function runSearch(page, q) {
  const input = page.locator('form.search #q');
  assert.equal(await input.count(), 1, `${page.url()}: no form.search #q`);
  assert.ok(await input.isVisible(), `${page.url()}: the search box is not visible with JavaScript`);
  const status = () => page.evaluate(() => document.getElementById('search-status')?.textContent);
  await input.fill('', { timeout: ACTION_TIMEOUT });
  await page.waitForFunction(() => document.getElementById('search-status')?.textContent === '' &&
    !document.querySelector('#search-results li'), null, { timeout: 10_000 })
    .catch(async () => { throw new Error(`${page.url()}: emptying the search box leaves #search-status "${await status()}" and results`); });
  await input.fill(q, { timeout: ACTION_TIMEOUT });
  const loading = await page.locator('form.search').getAttribute('data-loading');
  await page.waitForFunction((loading) => {
    const s = document.getElementById('search-status').textContent.trim();
    return s !== '' && s !== loading;
  }, loading, { timeout: 10_000 })
    .catch(async () => { throw new Error(`${page.url()}: "${q}": #search-status still reads "${await status()}" 10 s after typing`); });
  const got = await page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const form = document.querySelector('form.search');
    // A result is a section (li li) under its page's title (li > .search-page).
    return {
      status: norm(document.getElementById('search-status').textContent),
      none: form.getAttribute('data-none'),
      items: [...document.querySelectorAll('#search-results li li')].map((li) => {
        const a = li.querySelector('a');
        const page = li.parentElement.closest('li')?.querySelector('.search-page');
        return {
          href: a?.href ?? null, text: a ? `${norm(page?.textContent ?? '')} — ${norm(a.textContent)}` : '',
          marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
          words: [...li.children].flatMap((e) => e.textContent.match(/[\p{L}\p{N}]+/gu) ?? []),
        };
      }),
    };
  });
  // Words shown that match a word of the query, as search.js matches
  // them: each should be in a <mark>.
  const lang = await page.locator('form.search').getAttribute('data-lang');
  const qs = fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const i of got.items) i.shown = i.words.filter((w) => qs.some((x) => wordMatches(w, x, lang)));
  got.lang = lang;
  // "20 of 38 results": the count is the largest number.
  const nums = got.status.match(/\d+/g);
  got.count = nums ? Math.max(...nums.map(Number)) : null;
  got.firstVisible = got.items.length ? await page.locator('#search-results li li a').first().isVisible() : false;
  return got;
}

/** Problems with the results of q: the count the index gives, announced
 *  without stray quotation marks, matching the list (capped at 20); every
 *  word shown that matches is in a <mark>, and only those. want: 'some'
 *  (at least one result), 'marked' (and at least one <mark>), 'one' (exactly
 *  one result), 'none'. */
function resultProblems(where, q, r, ix, { want = 'some' } = {}) {
  const out = [];
  const expected = indexHits(ix, fold(q));
  if (want !== 'none' && r.count !== null && r.count !== expected) out.push(`${where}: "${q}" announces ${r.count} results, the index has ${expected} sections for it`);
  if (/["'“”«»]/.test(r.status)) out.push(`${where}: #search-status reads ${JSON.stringify(r.status)}: stray quotation marks`);
  if (want === 'none') {
    if (r.items.length) out.push(`${where}: ${r.items.length} results for "${q}" (want none)`);
    if (r.status !== r.none) out.push(`${where}: #search-status reads "${r.status}" for no result (want data-none, "${r.none}")`);
    return out;
  }
  if (r.count === null) { out.push(`${where}: #search-status "${r.status}" announces no number`); return out; }
  if (want === 'one' && r.count !== 1) out.push(`${where}: "${q}" announces ${r.count} results (the index has exactly 1)`);
  if (r.count === 0) out.push(`${where}: no result for "${q}" (#search-status "${r.status}")`);
  if (r.items.length !== Math.min(r.count, MAX_RESULTS)) {
    out.push(`${where}: #search-status announces ${r.count} ("${r.status}") but ${r.items.length} results are listed (want ${Math.min(r.count, MAX_RESULTS)})`);
  }
  if (r.items.length && !r.firstVisible) out.push(`${where}: the first result is not visible`);
  const marks = r.items.flatMap((i) => i.marks);
  if (want === 'marked' && r.items.length && !marks.length) out.push(`${where}: no <mark> in the ${r.items.length} results of "${q}"`);
  for (const mk of new Set(marks)) if (!wordMatches(mk, fold(q), r.lang)) out.push(`${where}: <mark>${mk}</mark> does not match "${q}"`);
  r.items.forEach((i, k) => {
    if (i.shown.join('|') !== i.marks.join('|')) out.push(`${where}: result #${k + 1} of "${q}" shows matching words [${i.shown}] but marks [${i.marks}]`);
  });
  for (const i of r.items) if (!i.href) out.push(`${where}: a result of "${q}" is not a link`);
  return out;
}

/** Searches a language's word pair, a word with one hit and a word with none
 *  on the current page, then follows the first result with the keyboard
 *  (Enter, or ArrowDown then Enter) and checks where it lands. */
async function searchAndFollow(page, b, lang, how, problems, t) {
  const where = `${b.zip}: ${b.rel(page.url())}`;
  const pair = SEARCH_WORDS[lang];
  assert.ok(pair, `no search words for language "${lang}": add them to SEARCH_WORDS`);
  const [accented, plain] = pair;
  assert.ok(pagesText(b, lang).includes(accented.normalize('NFC').toLowerCase()),
    `${b.zip}: "${accented}" is on no ${lang}/ page: pick another word for SEARCH_WORDS.${lang}`);
  const ix = loadIndex(indexFile(b.root, lang), lang);
  const a = await runSearch(page, accented);
  const p = await runSearch(page, plain);
  problems.push(...resultProblems(`${where} [${accented}]`, accented, a, ix), ...resultProblems(`${where} [${plain}]`, plain, p, ix));
  if (a.count !== p.count) problems.push(`${where}: "${accented}" announces ${a.count}, "${plain}" ${p.count} (want the same)`);
  const list = (r) => r.items.map((i) => `${i.href} | ${i.text}`);
  const [la, lp] = [list(a), list(p)];
  const i = Array.from({ length: Math.max(la.length, lp.length) }, (_, k) => k).find((k) => la[k] !== lp[k]);
  if (i !== undefined) {
    problems.push(`${where}: results of "${accented}" and "${plain}" differ at #${i + 1}: ${la[i] ?? '(none)'} vs ${lp[i] ?? '(none)'}`);
  }
  const marks = (r) => r.items.flatMap((x) => x.marks).join('|');
  if (marks(a) !== marks(p)) problems.push(`${where}: "${accented}" marks [${marks(a)}] but "${plain}" marks [${marks(p)}]`);
  const marked = (r) => r.items.filter((x) => x.marks.length).length;
  t.diagnostic(`${where}: "${accented}" and "${plain}": ${a.status} (${a.items.length} listed, ${marked(a)} with a <mark>)`);

  // The commonest word: many results (at most 20 listed), some marked.
  const common = commonTerm(ix);
  assert.ok(common, `${b.zip}: search-${lang}: no word of 5 letters or more`);
  const c = await runSearch(page, common);
  problems.push(...resultProblems(`${where} [${common}]`, common, c, ix, { want: 'marked' }));
  t.diagnostic(`${where}: "${common}": ${c.status} (${c.items.length} listed, ${marked(c)} with a <mark>)`);

  const one = oneHitTerm(ix);
  if (!one) problems.push(`${b.zip}: search-${lang}: no word of 5 letters or more finds exactly one section (cannot check the singular)`);
  else {
    const r = await runSearch(page, one);
    problems.push(...resultProblems(`${where} [${one}]`, one, r, ix, { want: 'one' }));
    t.diagnostic(`${where}: "${one}": ${JSON.stringify(r.status)}`);
  }
  problems.push(...resultProblems(`${where} [${NO_MATCH}]`, NO_MATCH, await runSearch(page, NO_MATCH), ix, { want: 'none' }));

  // Follow the first result of the accented word with the keyboard.
  const r = await runSearch(page, accented);
  if (!r.items.length) return;
  const first = r.items[0];
  await page.locator('form.search #q').press(how === 'arrow' ? 'ArrowDown' : 'Enter');
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return a && a.matches('#search-results > ol > li:first-child li:first-child a') ? a.href : null;
  });
  if (focused !== first.href) {
    problems.push(`${where}: ${how === 'arrow' ? 'ArrowDown' : 'Enter'} in the search box does not focus the first result (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`);
    return;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.href === first.href, { timeout: 10_000 })
    .catch(() => { throw new Error(`${where}: Enter on the first result (${first.href}) did not go there (at ${page.url()})`); });
  await settle(page);
  const landed = b.rel(page.url());
  const hash = decodeURIComponent(new URL(first.href).hash.slice(1));
  const label = `${where}: first result "${first.text}" -> ${landed}${hash ? `#${hash}` : ''}`;
  if (!b.has(landed)) { problems.push(`${label}: no such file in the bundle`); return; }
  // The theme scrolls smoothly: give the target up to 5 s to come into view.
  if (hash) {
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r && r.top >= -1 && r.top < innerHeight;
    }, hash, { timeout: 5_000 }).catch(() => {});
  }
  const got = await page.evaluate((hash) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const e = hash ? document.getElementById(hash) : null;
    const r = e?.getBoundingClientRect();
    return {
      lang: document.documentElement.lang,
      h1: norm(document.querySelector('h1')?.textContent ?? ''),
      target: e ? { text: norm(e.textContent), isTarget: document.querySelector(':target') === e, top: r.top, inView: r.top >= -1 && r.top < innerHeight } : null,
    };
  }, hash);
  if (!landed.startsWith(`${lang}/`) || got.lang !== lang) problems.push(`${label}: a page in "${got.lang}" (want ${lang})`);
  if (!got.h1 || !first.text.startsWith(got.h1)) problems.push(`${label}: the page's h1 "${got.h1}" does not begin the result's text`);
  if (hash) {
    if (!got.target) problems.push(`${label}: no element has id "${hash}"`);
    else {
      if (!got.target.isTarget) problems.push(`${label}: #${hash} is not the :target`);
      if (!got.target.inView) problems.push(`${label}: #${hash} is not scrolled into view 5 s later (top ${Math.round(got.target.top)}px)`);
      if (!first.text.endsWith(got.target.text)) problems.push(`${label}: the result's text does not end with the section's heading "${got.target.text}"`);
    }
  }
  t.diagnostic(`${label}${hash ? '' : ' (page top)'}, by ${how === 'arrow' ? 'ArrowDown, Enter' : 'Enter, Enter'}`);
}

/** Whether a page has (or can have) a service worker: 0, or "unavailable". */
const swRegistrations = (page) => page.evaluate(() => ('serviceWorker' in navigator && navigator.serviceWorker
  ? navigator.serviceWorker.getRegistrations().then((r) => r.length, (e) => `unavailable (${e.name})`)
  : 'unavailable'));

test('offline bundle, every language, file:// with the network blocked: chooser, search with and without accents, keyboard to the result, language switcher', { timeout: TIMEOUT }, async (t) => {
  const { all } = downloadZips();
  const b = bundle(all);
  for (const l of LANGS) assert.ok(b.has(`${l}/index.html`), `${all}: no ${b.top}/${l}/index.html`);
  const context = await newContext({}, (href) => href.startsWith('file:'));
  const log = watchContext(context);
  const problems = [];
  try {
    const page = await context.newPage();
    await page.goto(b.url('index.html'), { waitUntil: 'load' });
    await settle(page);
    const choices = await page.$$eval('main a[hreflang]', (as) => as.map((a) => ({ lang: a.getAttribute('hreflang'), href: a.href })));
    assert.deepEqual(choices.map((c) => c.lang).sort(), [...LANGS].sort(), `${all}: index.html: the chooser's languages`);
    for (const c of choices) assert.ok(b.has(b.rel(c.href)), `${all}: index.html: the ${c.lang} link (${c.href}) names no file of the bundle`);
    const order = choices.map((c) => c.lang);
    await click(page.locator(`main a[hreflang="${order[0]}"]`));
    await page.waitForURL((u) => u.href === choices[0].href, { timeout: 10_000 });
    await settle(page);
    t.diagnostic(`${all}: index.html -> ${b.rel(page.url())}`);

    for (let i = 0; i < order.length; i++) {
      const lang = order[i];
      const here = b.rel(page.url());
      assert.ok(here?.startsWith(`${lang}/`), `${all}: expected a page in ${lang}/, at ${page.url()}`);
      await searchAndFollow(page, b, lang, i % 2 ? 'arrow' : 'enter', problems, t);
      // The switcher to the next language (back to the first after the last).
      const next = order[(i + 1) % order.length];
      const from = b.rel(page.url());
      const link = page.locator(`nav.langs a[hreflang="${next}"]`);
      assert.equal(await link.count(), 1, `${all}: ${from}: nav.langs has ${await link.count()} links to ${next} (want 1)`);
      const href = await link.evaluate((a) => a.href);
      await click(link);
      await page.waitForURL((u) => u.href === href, { timeout: 10_000 });
      await settle(page);
      const to = b.rel(page.url());
      const lang2 = await page.evaluate(() => document.documentElement.lang);
      if (!b.has(to)) problems.push(`${all}: ${from}: the switcher's ${next} link leads to ${page.url()}, not a file of the bundle`);
      else if (!to.startsWith(`${next}/`) || lang2 !== next) problems.push(`${all}: ${from}: the switcher's ${next} link leads to ${to} in "${lang2}"`);
      t.diagnostic(`${all}: ${from} -> switcher (${next}) -> ${to}`);
    }
    problems.push(...offlineNoise(log, all));
    assert.ok(log.requests.length > 0, 'no request was recorded at all: the recorder is broken');
  } finally {
    await context.close();
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
});

test('offline bundle, Dutch only, file:// with the network blocked: opens on the Dutch home, its booklets linked inside the zip, search, keyboard to the result, a switcher without links to fr/en', { timeout: TIMEOUT }, async (t) => {
  const zip = downloadZips().one('nl');
  const b = bundle(zip);
  const others = LANGS.filter((l) => l !== 'nl');
  const foreign = b.rels.filter((r) => others.some((l) => r.startsWith(`${l}/`) || r.startsWith(`assets/search-${l}.`)));
  assert.deepEqual(foreign, [], `${zip}: holds files of other languages`);
  assert.ok(b.has('nl/index.html'), `${zip}: no nl/index.html`);
  const pdfs = b.rels.filter((r) => r.endsWith('.pdf'));
  // The toolkit's editions, named in Dutch (print_file* in i18n/nl.toml).
  for (const edition of ['-a4.pdf', '-a5.pdf', '-a5-drukklaar.pdf', '-grote-letters.pdf']) {
    assert.ok(pdfs.some((r) => r.startsWith('nl/print/') && r.endsWith(edition)), `${zip}: no nl/print/*${edition} (holds ${pdfs.join(', ')})`);
  }
  const context = await newContext({}, (href) => href.startsWith('file:'));
  const log = watchContext(context);
  const problems = [];
  try {
    const page = await context.newPage();
    await page.goto(b.url('index.html'), { waitUntil: 'load' });
    await settle(page);
    // index.html is the Dutch home itself: no chooser, no redirect.
    const home = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      choices: document.querySelectorAll('#choices').length,
      h1: document.querySelector('main h1')?.textContent.trim(),
      current: document.querySelector('nav.langs [aria-current="page"]')?.getAttribute('lang'),
      pdfs: [...document.querySelectorAll('a[href$=".pdf"]')].map((a) => ({ raw: a.getAttribute('href'), abs: a.href })),
    }));
    assert.equal(b.rel(page.url()), 'index.html', `${zip}: index.html went elsewhere (${page.url()}): want the home itself, not a redirect`);
    assert.equal(home.lang, 'nl', `${zip}: index.html: <html lang="${home.lang}">`);
    assert.equal(home.choices, 0, `${zip}: index.html is a chooser, not the Dutch home`);
    assert.equal(home.current, 'nl', `${zip}: index.html: the switcher's current language`);
    const nlHome = fs.readFileSync(path.join(b.root, 'nl/index.html'), 'utf8').match(/<h1>([^<]*)<\/h1>/)?.[1];
    assert.equal(home.h1, nlHome, `${zip}: index.html's title is not nl/index.html's`);
    // Every booklet of the zip is linked, and every PDF link names a file of the zip.
    for (const l of home.pdfs) if (!b.has(b.rel(l.abs))) problems.push(`${zip}: index.html: PDF link ${l.raw} -> ${l.abs}: not in the bundle`);
    const linked = new Set(home.pdfs.map((l) => b.rel(l.abs)));
    for (const f of pdfs) if (!linked.has(f)) problems.push(`${zip}: index.html does not link ${f}, which the bundle holds`);
    t.diagnostic(`${zip}: index.html is the Dutch home, ${home.pdfs.length} PDF links: ${[...linked].join(', ')}`);
    const sw = await page.evaluate(() => {
      const q = (s) => [...document.querySelectorAll(s)];
      return { links: q('nav.langs a:not([data-leaves-bundle])').map((a) => a.outerHTML), named: q('nav.langs [lang]:not([aria-current])').map((e) => e.getAttribute('lang')) };
    });
    assert.deepEqual(sw.links, [], `${zip}: index.html: nav.langs links inside the bundle`);
    for (const l of others) assert.ok(sw.named.includes(l), `${zip}: index.html: nav.langs does not name ${l} (named: ${sw.named})`);
    await searchAndFollow(page, b, 'nl', 'arrow', problems, t);
    problems.push(...offlineNoise(log, zip));
  } finally {
    await context.close();
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
});

/** Opens every page of a bundle; every file: link or resource must name a
 *  file (and id) of the bundle; single-language bundles name the other
 *  languages without linking to them. */
async function crawlBundle(t, zip, only) {
  const b = bundle(zip);
  assert.ok(b.pages.length > 1, `${zip}: ${b.pages.length} .html files`);
  const context = await newContext({}, (href) => href.startsWith('file:'));
  const log = watchContext(context);
  const facts = new Map();
  let external = 0;
  try {
    const checked = await eachPage(async (rel) => {
      const page = await context.newPage();
      try {
        await page.goto(b.url(rel), { waitUntil: 'load' });
        await settle(page);
        const f = await page.evaluate(() => {
          const q = (s) => [...document.querySelectorAll(s)];
          return {
            ids: q('[id]').map((e) => e.id),
            refs: q('a[href], link[href], script[src], img[src], source[src], iframe[src], form[action]').map((e) => {
              const attr = e.hasAttribute('href') ? 'href' : e.hasAttribute('src') ? 'src' : 'action';
              return { tag: e.tagName.toLowerCase(), raw: e.getAttribute(attr), abs: e[attr] };
            }),
            // Links to the other languages on the site (base_url) leave the
            // bundle on purpose, marked data-leaves-bundle: they name, not link.
            langLinks: q('nav.langs a:not([data-leaves-bundle])').map((a) => a.getAttribute('hreflang') || a.getAttribute('href')),
            langNamed: q('nav.langs [lang]:not(a), nav.langs a[data-leaves-bundle]').map((e) => e.getAttribute('lang')),
            leaving: q('[data-leaves-bundle]').map((a) => ({ inLangs: !!a.closest('nav.langs'), href: a.href })),
            pdfs: q('a[href$=".pdf"]').map((a) => a.href),
            hasSwitcher: q('nav.langs').length,
            offline: q('script[src*="offline."]').length,
            csp: [...window.__cspViolations],
          };
        });
        f.sw = await swRegistrations(page);
        facts.set(rel, f);
      } catch (e) {
        facts.set(rel, { error: String(e.message).split('\n')[0] });
      } finally {
        await page.close();
      }
    }, b.pages);
    assert.equal(checked, b.pages.length, `${zip}: pages opened`);
  } finally {
    await context.close();
  }
  const problems = [];
  let links = 0;
  let offlineScripts = 0;
  const pdfs = b.rels.filter((r) => r.endsWith('.pdf'));
  const pdfLinked = new Set();
  for (const rel of b.pages) {
    const f = facts.get(rel);
    const where = `${zip}: ${rel}`;
    if (f.error) { problems.push(`${where}: could not be opened: ${f.error}`); continue; }
    for (const l of f.leaving) {
      if (!l.inLangs || !/^https?:/.test(l.href)) problems.push(`${where}: ${l.href} is marked data-leaves-bundle outside the language switcher`);
    }
    // Each page links the booklets of its language that the bundle holds.
    const lang = rel === 'index.html' ? (only ?? null) : rel.split('/')[0];
    for (const u of f.pdfs) pdfLinked.add(b.rel(u));
    if (lang) {
      const own = new Set(f.pdfs.map((u) => b.rel(u)));
      for (const p of pdfs.filter((x) => x.startsWith(`${lang}/print/`))) if (!own.has(p)) problems.push(`${where}: does not link ${p}, which the bundle holds`);
    }
    for (const m of f.csp) problems.push(`${where}: CSP violation: ${m}`);
    if (f.sw !== 0 && !String(f.sw).startsWith('unavailable')) problems.push(`${where}: ${f.sw} service worker registration(s) on file://`);
    offlineScripts += f.offline;
    for (const r of f.refs) {
      if (r.raw === null) continue;
      if (r.raw.startsWith('#')) {
        if (r.raw.length > 1 && !f.ids.includes(decodeURIComponent(r.raw.slice(1)))) problems.push(`${where}: <${r.tag}> ${r.raw}: no such id`);
        continue;
      }
      if (!r.abs.startsWith('file:')) {
        if (!/^(https?|mailto|data):/.test(r.abs)) problems.push(`${where}: <${r.tag}> ${r.raw}: a ${r.abs.split(':')[0]}: address`);
        if (/^https?:/.test(r.abs)) external++;
        continue;
      }
      links++;
      const target = b.rel(r.abs);
      if (target === null) { problems.push(`${where}: <${r.tag}> ${r.raw} points outside the bundle (${r.abs})`); continue; }
      if (!b.has(target)) { problems.push(`${where}: <${r.tag}> ${r.raw} -> ${target}: not in the bundle`); continue; }
      const hash = decodeURIComponent(new URL(r.abs).hash.slice(1));
      const tf = facts.get(target);
      if (hash && tf?.ids && !tf.ids.includes(hash)) problems.push(`${where}: <${r.tag}> ${r.raw}: ${target} has no id "${hash}"`);
    }
    if (only && (rel.startsWith(`${only}/`) || rel === 'index.html')) {
      if (!f.hasSwitcher) problems.push(`${where}: no nav.langs`);
      if (f.langLinks.length) problems.push(`${where}: nav.langs links to [${f.langLinks}] (want no link: they are not in this download)`);
      for (const l of LANGS.filter((x) => x !== only)) if (!f.langNamed.includes(l)) problems.push(`${where}: nav.langs does not name ${l}`);
    }
  }
  for (const p of pdfs) if (!pdfLinked.has(p)) problems.push(`${zip}: ${p} is linked from no page`);
  assert.ok(pdfs.length > 0, `${zip}: holds no PDF`);
  problems.push(...offlineNoise(log, zip));
  assert.ok(links > b.pages.length, `${zip}: only ${links} file: links and resources on ${b.pages.length} pages`);
  assert.ok(offlineScripts > 0, `${zip}: no page loads offline.*.js, so "no service worker on file://" proves nothing`);
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  t.diagnostic(`${zip}: ${b.pages.length} pages, ${links} file: links and resources, all inside the bundle; ${external} links to other hosts (not followed); ${b.rels.length} files`);
}

test('offline bundle, every language: every link and resource of every page names a file (and id) inside the bundle; no service worker, no request off file://', { timeout: TIMEOUT }, async (t) => {
  await crawlBundle(t, downloadZips().all, null);
});

test('offline bundle, Dutch only: every link and resource of every page names a file (and id) inside the bundle; the switcher names fr and en without links', { timeout: TIMEOUT }, async (t) => {
  await crawlBundle(t, downloadZips().one('nl'), 'nl');
});

// ---------------------------------------------------------------------------
// 10. Search without JavaScript: the form stays hidden and the link to the
// A–Z index shows instead; the index's links all resolve.

test('search without JavaScript: form.search hidden, a.az-link shown on every page; it leads to the A–Z page, whose links all resolve', { timeout: TIMEOUT }, async (t) => {
  const inLang = PAGES.filter((rel) => LANGS.includes(langOf(rel)));
  assert.ok(inLang.length > 0, 'no page in a language folder');
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  const problems = [];
  try {
    const checked = await eachPage(async (rel) => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(rel), { waitUntil: 'load' });
        const form = page.locator('form.search');
        const az = page.locator('a.az-link');
        if (await form.count() !== 1) problems.push(`${rel}: ${await form.count()} form.search (want 1)`);
        else if (await form.isVisible()) problems.push(`${rel}: form.search shows without JavaScript (it cannot search)`);
        if (await az.count() !== 1) problems.push(`${rel}: ${await az.count()} a.az-link (want 1)`);
        else if (!(await az.isVisible())) problems.push(`${rel}: a.az-link is hidden without JavaScript`);
      } catch (e) {
        problems.push(`${rel}: could not be opened: ${String(e.message).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }, inLang);
    assert.equal(checked, inLang.length);

    const ids = new Map(); // rel -> ids, read without JavaScript
    const idsOf = async (rel) => {
      if (!ids.has(rel)) {
        const p = await context.newPage();
        await p.goto(fileUrl(rel), { waitUntil: 'load' });
        ids.set(rel, await p.$$eval('[id]', (es) => es.map((e) => e.id)));
        await p.close();
      }
      return ids.get(rel);
    };
    for (const lang of LANGS) {
      const page = await context.newPage();
      const log = watch(page);
      const start = `${lang}/index.html`;
      await page.goto(fileUrl(start), { waitUntil: 'load' });
      const href = await page.locator('a.az-link').evaluate((a) => a.href);
      await click(page.locator('a.az-link'));
      await page.waitForURL((u) => u.href === href, { timeout: 10_000 });
      await page.waitForLoadState('load');
      const az = siteRel(page.url());
      if (!isFile(az) || langOf(az) !== lang) { problems.push(`${start}: a.az-link leads to ${page.url()} (want a page in ${lang}/)`); await page.close(); continue; }
      const d = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelector('h1')?.textContent.trim(),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        links: [...document.querySelectorAll('main a[href]')].map((a) => ({ raw: a.getAttribute('href'), abs: a.href, text: a.textContent.trim() })),
      }));
      if (d.lang !== lang) problems.push(`${az}: <html lang="${d.lang}"> (want ${lang})`);
      const pages = new Set();
      for (const a of d.links) {
        const where = `${az}: link "${a.text}" (${a.raw})`;
        if (a.raw.startsWith('#')) {
          if (!d.ids.includes(decodeURIComponent(a.raw.slice(1)))) problems.push(`${where}: no such id`);
          continue;
        }
        const target = siteRel(a.abs);
        if (!isFile(target)) { problems.push(`${where}: names no existing file`); continue; }
        pages.add(target);
        const hash = decodeURIComponent(new URL(a.abs).hash.slice(1));
        if (hash && !(await idsOf(target)).includes(hash)) problems.push(`${where}: ${target} has no id "${hash}"`);
      }
      const langPages = PAGES.filter((r) => langOf(r) === lang).length;
      if (pages.size < Math.min(10, langPages - 1)) problems.push(`${az}: links to only ${pages.size} pages`);
      for (const m of noise(log)) problems.push(`${az}: ${m}`);
      t.diagnostic(`${start} -> a.az-link -> ${az} "${d.h1}": ${d.links.length} links to ${pages.size} pages, all resolve`);
      await page.close();
    }
  } finally {
    await context.close();
  }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
  t.diagnostic(`${inLang.length} pages: the form hidden, the A–Z link shown`);
});

// ---------------------------------------------------------------------------
// 11. Service worker (sw.js, registered by offline.js on http(s) only): keeps
// the visitor's language for visits without a network, and nothing else.

/** A static server of SITE under prefix on 127.0.0.1; stop() closes it and
 *  every open connection. */
async function staticServer(prefix) {
  const served = [];
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    served.push(url.pathname);
    let file = null;
    if (url.pathname.startsWith(prefix)) {
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const abs = path.resolve(SITE, rel);
      if (abs.startsWith(SITE + path.sep) && fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) file = abs;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => srv.listen(0, '127.0.0.1', resolve).on('error', reject));
  const origin = `http://127.0.0.1:${srv.address().port}`;
  let stopped = null;
  const stop = () => (stopped ??= new Promise((resolve) => {
    srv.close(resolve);
    srv.closeAllConnections();
  }));
  return { origin, served, stop };
}

/** The text of a page's h1, read over file:// without JavaScript. */
async function h1Of(rel) {
  const context = await newContext({ javaScriptEnabled: false }, onlyFile);
  try {
    const page = await context.newPage();
    await page.goto(fileUrl(rel), { waitUntil: 'load' });
    return (await page.locator('h1').first().textContent()).replace(/\s+/g, ' ').trim();
  } finally {
    await context.close();
  }
}

test('service worker over http://127.0.0.1/sub/: keeps the visitor\'s Dutch pages for a visit without network (the search index once used), not the French ones', { timeout: TIMEOUT }, async (t) => {
  const nlPage = PAGES.find((r) => r === CHARTER.nl) ?? PAGES.find((r) => langOf(r) === 'nl' && r !== 'nl/index.html');
  const frPage = PAGES.find((r) => r === CHARTER.fr) ?? PAGES.find((r) => langOf(r) === 'fr');
  assert.ok(nlPage && frPage, 'no Dutch page besides nl/index.html, or no French page');
  assert.ok(isFile('sw.js'), 'sw.js is missing at the site\'s root');
  const wantH1 = await h1Of(nlPage);
  const prefix = '/sub/';
  const { origin, served, stop } = await staticServer(prefix);
  const base = origin + prefix;
  const context = await newContext({}, (href) => href.startsWith(origin + '/'));
  const log = watchContext(context);
  try {
    const page = await context.newPage();
    const first = await page.goto(base + 'nl/index.html', { waitUntil: 'load' });
    assert.equal(first?.status(), 200, 'nl/index.html over HTTP');
    const reg = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active?.scriptURL ?? null })),
      new Promise((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]));
    assert.ok(reg, 'navigator.serviceWorker.ready did not resolve within 10 s: no service worker registered');
    assert.equal(reg.scope, base, 'the service worker\'s scope');
    assert.equal(reg.script, base + 'sw.js', 'the service worker\'s script');

    // Every Dutch page the worker fetches in the background (sw.js's list,
    // in reading order within its data budget: build/web/offline.go) in
    // the cache, within 10 s; the others are kept when read. The search
    // index is kept once the reader searches (below): fetching it in the
    // background would pass the budget (offline.test.mjs).
    const index = base + path.relative(SITE, indexFile(SITE, 'nl')).split(path.sep).join('/');
    const files = fs.readFileSync(path.join(SITE, 'sw.js'), 'utf8').match(/FILES=(\{.*?\}),/s);
    assert.ok(files, 'sw.js holds no FILES list');
    const listed = JSON.parse(files[1].replace(/([{,])(\w+):/g, '$1"$2":')).nl ?? [];
    assert.ok(listed.includes('nl/index.html') && listed.includes('nl/charter.html'), 'the Dutch home page and charter are not fetched in the background');
    // The not-found page is the host's, served for addresses that do not exist.
    const want = PAGES.filter((r) => langOf(r) === 'nl' && !r.endsWith('/404.html') && listed.includes(r)).map((r) => base + r);
    assert.ok(want.length >= 10, `only ${want.length} Dutch pages fetched in the background`);
    const cached = () => page.evaluate(async () => {
      const out = [];
      for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(r.url);
      return out;
    });
    let have = [];
    let missing = want;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      have = await cached();
      missing = want.filter((u) => !have.includes(u));
      if (!missing.length) break;
      await page.waitForTimeout(200);
    }
    assert.deepEqual(missing.map((u) => u.slice(base.length)), [], `not in the cache 10 s after the first visit (${have.length} cached)`);
    const frCached = have.filter((u) => u.startsWith(base + 'fr/') || u.startsWith(base + 'en/') || /\/assets\/search-(fr|en)\./.test(u));
    assert.deepEqual(frCached.map((u) => u.slice(base.length)), [], 'files of other languages in the cache of a Dutch visitor');
    t.diagnostic(`${have.length} files cached after visiting nl/index.html, every Dutch page among them`);

    // A search loads the Dutch index, which the worker then keeps.
    await page.locator('form.search input').fill('charter');
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !(await cached()).includes(index);) await page.waitForTimeout(200);
    assert.ok((await cached()).includes(index), `${index.slice(base.length)} not kept after a search`);

    // The French page is there online (asked from Node, so the browser
    // never sees it); then the network goes away.
    assert.equal(await statusOf(base + frPage), 200, `${frPage} over HTTP, before the server stops`);
    await stop();
    assert.equal(await statusOf(base + frPage), null, 'the server still answers after stop()');

    // Another Dutch page, never visited: from the cache, and again on reload.
    const res = await page.goto(base + nlPage, { waitUntil: 'load' }).catch((e) => e);
    assert.ok(!(res instanceof Error), `${nlPage} offline: ${String(res?.message).split('\n')[0]} (want it from the service worker's cache)`);
    assert.equal(res?.status(), 200, `${nlPage} offline: status`);
    assert.ok(res.fromServiceWorker(), `${nlPage} offline: not answered by the service worker`);
    assert.equal((await page.locator('h1').first().textContent()).replace(/\s+/g, ' ').trim(), wantH1, `${nlPage} offline: h1`);
    const again = await page.reload({ waitUntil: 'load' }).catch((e) => e);
    assert.ok(!(again instanceof Error), `${nlPage} offline, reloaded: ${String(again?.message).split('\n')[0]}`);
    assert.equal(again?.status(), 200, `${nlPage} offline, reloaded: status`);
    assert.equal((await page.locator('h1').first().textContent()).replace(/\s+/g, ' ').trim(), wantH1, `${nlPage} offline, reloaded: h1`);
    t.diagnostic(`offline: ${nlPage} opens from the cache, also on reload: "${wantH1}"`);

    // A French page was never kept: the navigation fails.
    const fr = await page.goto(base + frPage, { waitUntil: 'load' }).then((r) => r, (e) => e);
    assert.ok(fr instanceof Error, `${frPage} offline: opened (status ${fr?.status?.()}${fr?.fromServiceWorker?.() ? ', from the service worker' : ''}); the worker should keep only the visitor's language`);
    t.diagnostic(`offline: ${frPage} fails as it should: ${String(fr.message).split('\n')[0]}`);

    const outside = [...new Set(served.filter((p) => !p.startsWith(prefix)))];
    assert.deepEqual(outside, [], `the server was asked for paths outside ${prefix}`);
    assert.ok(served.includes(prefix + 'sw.js'), 'the server was never asked for sw.js');
    const off = log.requests.filter((u) => !u.startsWith(origin + '/'));
    assert.deepEqual(off, [], 'requests to other hosts');
    assert.deepEqual(log.errors, [], 'script errors');
    assert.deepEqual(log.console.filter((m) => !m.includes(frPage)), [], 'console errors (other than the failed French navigation)');
  } finally {
    await context.close();
    await stop();
  }
});

/** HTTP status of url asked from Node, or null when nothing answers. */
const statusOf = (url) => new Promise((resolve) => {
  http.get(url, { agent: false }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve(null));
});

test('service worker on file://: none registered, sw.js never asked for', { timeout: TIMEOUT }, async (t) => {
  const rels = LANGS.map((l) => `${l}/index.html`);
  const context = await newContext({}, onlyFile);
  const log = watchContext(context);
  const problems = [];
  try {
    for (const rel of rels) {
      const page = await context.newPage();
      await page.goto(fileUrl(rel), { waitUntil: 'load' });
      await settle(page);
      const offline = await page.locator('script[src*="offline."]').count();
      if (!offline) problems.push(`${rel}: loads no offline.*.js, so this test proves nothing`);
      await page.waitForTimeout(300); // time for a (forbidden) registration
      const n = await swRegistrations(page);
      if (n !== 0 && !String(n).startsWith('unavailable')) problems.push(`${rel}: ${n} service worker registration(s) on file://`);
      t.diagnostic(`${rel}: offline.js loaded, service workers: ${n}`);
      await page.close();
    }
  } finally {
    await context.close();
  }
  const offlineJs = log.requests.filter((u) => /\/assets\/offline\.[^/]*\.js$/.test(u));
  assert.ok(offlineJs.length >= rels.length, `offline.*.js was asked for ${offlineJs.length} times for ${rels.length} pages`);
  problems.push(...offlineNoise(log, 'file://'));
  if (problems.length) assert.fail(`${problems.length} problem(s):\n` + problems.map((p) => `  ${p}`).join('\n'));
});
