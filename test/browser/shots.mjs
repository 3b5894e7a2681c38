// Screenshots for a design review: node shots.mjs OUT page... (paths from
// the site root, "fr/index.html"; "#search:word" appended searches).
// Each page at 360×800 and 1280×800, light and dark, as OUT/<name>-<w>-<scheme>.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.resolve(process.env.SITE_DIR || path.join(HERE, '../../public'));
const [out, ...pages] = process.argv.slice(2);
const full = process.env.FULL === '1';
fs.mkdirSync(out, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shots-'));
const browser = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const spec of pages) {
    const [rel, search] = spec.split('#search:');
    for (const width of [360, 1280]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(pathToFileURL(path.join(SITE, rel)).href);
        if (search) {
          await page.fill('#q', search);
          await page.waitForTimeout(600);
        }
        const name = `${rel.replace(/\//g, '_').replace(/\.html$/, '')}${search ? '-search' : ''}-${width}-${scheme}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: full });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
