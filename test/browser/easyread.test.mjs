// Browser tests of the easy-to-read editions (issue 16): pages whose front
// matter says "edition: easy-read". Each is read as a visitor gets it from
// disk (file://), on a phone and a desktop, light and dark: type at least
// 1.25 times the site's body, generous leading, left-aligned and never
// hyphenated, one source line a line, each section's picture to the left
// of its text on a desktop, a link to the full text and back, and no axe
// violation.
//
// Run:  cd test/browser && npm ci && node --test easyread.test.mjs
// Env:  SITE_DIR, CHROMIUM as for site.test.mjs. A site with no such page
//       skips the test (it says so).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.resolve(process.env.SITE_DIR || path.join(HERE, '../../public'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The site's easy-to-read pages, from the site root. */
function easyPages() {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(SITE, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !['assets', 'downloads'].includes(e.name)) walk(r);
      else if (e.name.endsWith('.html') && fs.readFileSync(path.join(SITE, r), 'utf8').includes('data-edition="easy-read"')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

test('easy-to-read pages: large type, left-aligned, unhyphenated, one line a sentence, pictures beside the text, linked both ways, no axe violation', { timeout: 300_000 }, async (t) => {
  const pages = easyPages();
  if (pages.length === 0) {
    t.skip(`${SITE} has no easy-to-read page (edition: easy-read)`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sobre-easy-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS });
  const problems = [];
  try {
    for (const rel of pages) {
      for (const [width, height] of [[360, 800], [1280, 800]]) {
        for (const colorScheme of ['light', 'dark']) {
          const where = `${rel} [${width} px, ${colorScheme}]`;
          const page = await ctx.newPage();
          await page.setViewportSize({ width, height });
          await page.emulateMedia({ colorScheme });
          await page.goto(pathToFileURL(path.join(SITE, rel)).href);
          const m = await page.evaluate(() => {
            const art = document.querySelector('article[data-edition="easy-read"]');
            const body = parseFloat(getComputedStyle(document.body).fontSize);
            const texts = [...art.querySelectorAll('p, li')].filter((e) => !e.querySelector('img') && e.textContent.trim() && !e.closest('nav, .notice, .print-action, .edition-link, .meta, .to-top, .tasks-tools'));
            const sides = [...art.querySelectorAll('h2 + p img')].map((img) => {
              const next = img.closest('p').nextElementSibling;
              const a = img.getBoundingClientRect(), b = next ? next.getBoundingClientRect() : null;
              return { right: a.right, top: a.top, nextLeft: b && b.left, nextTop: b && b.top };
            });
            return {
              body,
              texts: texts.map((e) => { const s = getComputedStyle(e); return { size: parseFloat(s.fontSize), lh: parseFloat(s.lineHeight), align: s.textAlign, hyphens: s.hyphens }; }),
              breaks: art.querySelectorAll('p br').length,
              sides,
              full: [...document.querySelectorAll('.edition-link a')].map((a) => a.getAttribute('href')),
            };
          });
          if (m.texts.length === 0) problems.push(`${where}: no text read`);
          for (const x of m.texts) {
            if (x.size < 1.25 * m.body - 0.01) problems.push(`${where}: text of ${x.size}px, under 1.25 × the body's ${m.body}px`);
            if (x.lh < 1.5 * x.size) problems.push(`${where}: line height ${x.lh}px for ${x.size}px type, under 1.5`);
            if (!['left', 'start'].includes(x.align)) problems.push(`${where}: text aligned ${x.align}`);
            if (x.hyphens === 'auto') problems.push(`${where}: hyphens: auto`);
          }
          if (m.breaks === 0) problems.push(`${where}: no source line kept as a line (<br>)`);
          if (m.sides.length === 0) problems.push(`${where}: no section picture`);
          if (width >= 1280) {
            for (const s of m.sides) {
              if (!(s.right <= s.nextLeft && Math.abs(s.top - s.nextTop) < 24)) problems.push(`${where}: a picture is not to the left of its text: ${JSON.stringify(s)}`);
            }
          }
          if (m.full.length === 0) problems.push(`${where}: no link to the full text`);
          for (const href of m.full) {
            const target = path.join(path.dirname(rel), href);
            const back = path.relative(path.dirname(target), rel);
            if (!fs.readFileSync(path.join(SITE, target), 'utf8').includes(`href="${back}"`)) problems.push(`${where}: ${target} does not link back to ${back}`);
          }
          await page.evaluate(AXE_SOURCE);
          const v = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false })
            .then((r) => r.violations.map((x) => `${x.id} at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)), AXE_TAGS);
          for (const x of v) problems.push(`${where}: axe: ${x}`);
          await page.close();
        }
      }
    }
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
});
