// Screenshots of report pages for looking at them: a whole page, or one element of it.
//   node scripts/shot.mjs PAGE.html OUT.png [WIDTH] [CSS_SELECTOR | top]
// `top` is the first screen (the viewport, 1,400 px high).
// Uses the playwright-core and Chromium of the browser test (cd tests/browser && npm ci).
import { createRequire } from 'node:module';
import path from 'node:path';
const require = createRequire(path.resolve('tests/browser/package.json'));
const { chromium } = require('playwright-core');
const [page, out, width = '1200', selector] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const tab = await browser.newPage({ viewport: { width: Number(width), height: selector === 'top' ? 1400 : 900 } });
await tab.goto('file://' + path.resolve(page));
if (selector === 'top') await tab.screenshot({ path: out });
else if (selector) await tab.locator(selector).first().screenshot({ path: out });
else await tab.screenshot({ path: out, fullPage: true });
await browser.close();
