// How long Chromium takes to open report pages: the median over runs of the time from
// navigation start to the load event and to the first contentful paint, per page.
//   node scripts/open-time.mjs [RUNS] PAGE.html...
// Uses the playwright-core and Chromium of the browser test (cd tests/browser && npm ci).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
const require = createRequire(path.resolve('tests/browser/package.json'));
const { chromium } = require('playwright-core');
let args = process.argv.slice(2);
const runs = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 5;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const page of args) {
  const load = [], paint = [];
  for (let i = 0; i < runs; i++) {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await tab.goto('file://' + path.resolve(page), { waitUntil: 'load' });
    const t = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { load: nav.loadEventEnd || nav.loadEventStart, paint: fcp ? fcp.startTime : NaN };
    });
    load.push(t.load); paint.push(t.paint);
    await tab.close();
  }
  const kb = Math.round(fs.statSync(page).size / 1024);
  console.log(`${page}: ${kb} KiB, first paint ${median(paint).toFixed(0)} ms, load ${median(load).toFixed(0)} ms (median of ${runs})`);
}
await browser.close();
