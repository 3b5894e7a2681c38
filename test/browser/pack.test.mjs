// Browser tests of the materials pack's page (issue 15, point 4): the
// pack's PDF offered at the top, without JavaScript too; every card shown
// with its label; the pages free of axe violations at a phone's width and
// a desktop's, in light and dark; no request off the site.
//
// Run:  cd test/browser && npm ci && node --test pack.test.mjs
// Env:  SITE_DIR, CHROMIUM as for site.test.mjs.

import { test, before, after } from 'node:test';
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
const TIMEOUT = 120_000;
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Each language's pack page, the PDF it offers, and how many cards its
// source holds.
const PACK = {
  fr: { page: 'fr/materiel.html', pdf: 'fr/print/materiel-atelier-ia.pdf', src: 'content/fr/materiel.md' },
  nl: { page: 'nl/workshopmateriaal.html', pdf: 'nl/print/materiaal-workshop-ai.pdf', src: 'content/nl/materiel.md' },
  en: { page: 'en/workshop-materials.html', pdf: 'en/print/ai-workshop-materials.pdf', src: 'content/en/materiel.md' },
};

let context;
let dataDir;
before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sobre-pack-'));
  context = await chromium.launchPersistentContext(dataDir, { executablePath: CHROMIUM, args: ARGS, headless: true });
});
after(async () => {
  await context?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

for (const [lang, p] of Object.entries(PACK)) {
  test(`${lang}: the pack's page offers its PDF and shows every card`, { timeout: TIMEOUT }, async () => {
    const cards = fs.readFileSync(path.join(HERE, '../..', p.src), 'utf8').split('> [!CARD]').length - 1;
    for (const js of [true, false]) {
      const page = await context.newPage();
      const off = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:')) off.push(r.url()); });
      if (!js) await page.route('**/*.js', (r) => r.abort());
      await page.goto(pathToFileURL(path.join(SITE, p.page)).href);
      const href = await page.locator('.print-action a').first().getAttribute('href');
      assert.ok(href && href.endsWith(path.basename(p.pdf)), `${p.page}: the print action leads to ${href}`);
      assert.ok(fs.existsSync(path.join(SITE, p.pdf)), `${p.pdf} is missing`);
      assert.equal(await page.locator('.callout-card').count(), cards, `${p.page}: cards shown`);
      assert.deepEqual(off, [], `${p.page}: requests off the site`);
      await page.close();
    }
  });
}

for (const [lang, p] of Object.entries(PACK)) {
for (const [width, height] of [[360, 800], [1280, 800]]) {
  for (const scheme of ['light', 'dark']) {
    // Its forms' empty tables must fit a phone: a table that scrolls with
    // nothing to focus in it is an axe violation.
    test(`${lang}: the pack's page passes axe at ${width} px, ${scheme}`, { timeout: TIMEOUT }, async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pathToFileURL(path.join(SITE, p.page)).href);
      await page.evaluate(AXE_SOURCE); // evaluated, not a script tag: the page's CSP stays whole
      const res = await page.evaluate(async () => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] }));
      assert.deepEqual(res.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
      await page.close();
    });
  }
}
}
