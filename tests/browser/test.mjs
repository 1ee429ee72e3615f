// Browser test of the report pages (issue 8).
//
//   node test.mjs [--shots DIR] LANG=REPORT_DIR [LANG=REPORT_DIR ...]
//   (or MWM_REPORTS="en=/tmp/r/en,cy=/tmp/r/cy" node test.mjs)
//
// Opens every *.html page under each report folder in Debian's Chromium (driven by
// playwright-core, which never downloads a browser; CHROMIUM overrides /usr/bin/chromium) and
// checks, for every page and language:
//   axe        no axe-core violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules
//   console    no console error and no uncaught exception
//   requests   nothing fetched but the page's own file:// URL (data: URLs allowed)
//   structure  reading order: one h1, no skipped heading level, tables with caption and
//              th[scope], charts (svg[role=img]) named and described by a sentence (a caption
//              that repeats it hidden from screen readers, one that does not shown), links with
//              discernible text that is not "click here"/"more", links that resolve (files and ids)
//   charts     chart text (which axe cannot judge) has WCAG AA contrast against the shape under
//              it and is not cut off at the chart's edge
//   phone      at 390 px wide (a phone context: isMobile, meta viewport honoured) the page does
//              not scroll sideways; charts scale down, wide tables scroll inside their own
//              .table-scroll box; no headline figure breaks mid-number; no chart text cut off
//              or under 11 px; each figure shows one of its two charts (wide, or phone)
//   print      A4 PDF: each chart on one page, the headline box on page 1, no heading or table
//              caption left alone at the foot of a page, nothing wider than the printable width,
//              no headline figure broken mid-number, and a page count inside the bound explained
//              in checkPrint
// Each failure is printed as "FAIL [lang] path: check: problem"; the last line is
// "N passed, N failed" (one unit per page, language and check) and the exit code is 1 on any
// failure. --shots DIR writes full-page screenshots of the portfolio and of the largest project
// page, desktop (1200 px) and phone (390 px), for the first language given.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const CHECKS = ['axe', 'console', 'requests', 'structure', 'charts', 'phone', 'print'];
const DESKTOP = { width: 1200, height: 900 };
const PHONE = { width: 390, height: 844 };
// The smallest chart text allowed on the phone, in CSS pixels (charts are drawn 13.7 and 12.1).
const PHONE_MIN_TEXT = 11;
const MM = 96 / 25.4; // CSS px per millimetre
const A4 = { width: 210 * MM, height: 297 * MM };
const MARKER = 'https://mwm-print-marker.invalid/';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const reports = [];
  let shots = process.env.MWM_SHOTS || null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--shots') shots = argv[++i];
    else if (/^[a-z]{2,3}=/.test(a)) reports.push(a);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!reports.length && process.env.MWM_REPORTS) reports.push(...process.env.MWM_REPORTS.split(','));
  if (!reports.length) throw new Error('usage: node test.mjs [--shots DIR] en=REPORT_DIR cy=REPORT_DIR');
  return {
    shots,
    // LANG=DIR, or LANG=DIR#PREFIX,PREFIX to check only the pages whose path starts with one
    // of the prefixes (a 60-project report: its portfolio and funder pages).
    reports: reports.map((r) => {
      const i = r.indexOf('=');
      const [dir, only] = r.slice(i + 1).split('#');
      return { lang: r.slice(0, i), dir: path.resolve(dir), only: only ? only.split(',') : null };
    }),
  };
}

function htmlPages(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      // A folder with its own index.html is another language's pages (`--lang both` puts the
      // English ones in en/), checked as a report of its own.
      if (e.isDirectory()) { if (!fs.existsSync(path.join(p, 'index.html'))) walk(p); }
      else if (e.name.endsWith('.html')) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------- in-page checks (run in the browser)

// Reading order and names. Returns a list of problems (strings).
function structureChecks() {
  const problems = [];
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const short = (s, n = 60) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const hidden = (el) => el.closest('[hidden], [aria-hidden="true"]') || getComputedStyle(el).display === 'none';
  const isSentence = (s) => /^["'‘“(]?[\p{Lu}\p{N}]/u.test(s) && /[.!?…]["'’”)]?$/u.test(s) && s.split(/\s+/).length >= 3;

  // Headings: exactly one h1, it comes first, and no level is skipped on the way down.
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => !hidden(h));
  const h1s = headings.filter((h) => h.tagName === 'H1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (want exactly one)`);
  if (headings.length && headings[0].tagName !== 'H1') problems.push(`first heading is ${headings[0].tagName.toLowerCase()} "${short(text(headings[0]))}", not the h1`);
  let prev = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (prev && level > prev + 1) problems.push(`heading level skipped: h${prev} then h${level} "${short(text(h))}"`);
    if (!text(h)) problems.push(`empty ${h.tagName.toLowerCase()}`);
    prev = level;
  }

  // Tables: a caption, header cells, and every th says what it heads.
  document.querySelectorAll('table').forEach((t, i) => {
    const name = text(t.querySelector('caption')) || `table ${i + 1}`;
    if (!t.caption || !text(t.caption)) problems.push(`table ${i + 1} has no caption`);
    const ths = [...t.querySelectorAll('th')];
    if (!t.querySelector('thead th, tr:first-child th')) problems.push(`table "${short(name)}" has no column header cells`);
    const noScope = ths.filter((th) => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')));
    if (noScope.length) problems.push(`table "${short(name)}": ${noScope.length} th without scope, first "${short(text(noScope[0]))}"`);
    if (!t.closest('.table-scroll')) problems.push(`table "${short(name)}" is not inside a .table-scroll box`);
  });

  // Charts: every svg in a figure is an image with a name and a description that is a sentence.
  const byIds = (el, attr) => (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id));
  document.querySelectorAll('figure svg').forEach((svg, i) => {
    if (svg.getAttribute('role') !== 'img' && svg.getAttribute('aria-hidden') !== 'true') problems.push(`chart ${i + 1} (svg in a figure) has no role="img"`);
  });
  document.querySelectorAll('svg[role="img"]').forEach((svg, i) => {
    const title = svg.querySelector(':scope > title');
    const desc = svg.querySelector(':scope > desc');
    const labelled = byIds(svg, 'aria-labelledby');
    const described = byIds(svg, 'aria-describedby');
    const name = (svg.getAttribute('aria-label') || '').trim() || text(title) || labelled.map(text).join(' ').trim();
    const label = short(name || `chart ${i + 1}`);
    if (!name) problems.push(`chart ${i + 1} has no title or aria-label`);
    if (labelled.some((el) => !el)) problems.push(`chart "${label}": aria-labelledby points at a missing id`);
    if (described.some((el) => !el)) problems.push(`chart "${label}": aria-describedby points at a missing id`);
    const descText = text(desc) || described.map(text).join(' ').trim();
    if (!descText) problems.push(`chart "${label}" has no description (desc or aria-describedby)`);
    else if (!isSentence(descText)) problems.push(`chart "${label}": description is not a sentence: "${short(descText, 80)}"`);
    // A caption that says what the description says is for the eye: a screen reader would
    // hear the finding twice unless the caption is hidden from it.
    const caption = svg.closest('figure')?.querySelector(':scope > figcaption');
    if (caption && descText && text(caption) === descText && caption.closest('[aria-hidden="true"]') === null) problems.push(`chart "${label}": its figcaption repeats its description and would be read twice (aria-hidden the caption)`);
    if (caption && descText && text(caption) !== descText && caption.closest('[aria-hidden="true"]')) problems.push(`chart "${label}": its figcaption is hidden from screen readers but says something the description does not`);
  });

  // Links: discernible text, not a vague one, and in-page targets that exist.
  const vague = /^(click here|here|more|read more|learn more|link|this link|cliciwch yma|yma|mwy|darllen mwy|rhagor|dolen)$/i;
  const links = [];
  document.querySelectorAll('a[href]').forEach((a) => {
    const name = (a.getAttribute('aria-label') || '').trim() || text(a) || [...a.querySelectorAll('img[alt]')].map((img) => img.alt).join(' ').trim();
    if (!name) problems.push(`link to ${a.getAttribute('href')} has no text`);
    else if (vague.test(name.replace(/[.…:›»→]+$/u, '').trim())) problems.push(`link text "${name}" (to ${a.getAttribute('href')}) does not say where it goes`);
    links.push({ href: a.href, raw: a.getAttribute('href'), name: short(name || '') });
  });
  return { problems, links, lang: document.documentElement.lang };
}

// Chart text, which axe leaves "incomplete" (it cannot tell what lies under SVG text):
// every text of a chart must be readable against the shape painted under it (WCAG 1.4.3:
// 4.5:1, or 3:1 for large text) and must not be cut off at the edge of the chart.
function chartChecks({ contrast = true } = {}) {
  const problems = [];
  const parse = (c) => {
    const m = /rgba?\(([^)]*)\)/.exec(c || '');
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => { const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
  const hex = ({ r, g, b }) => '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const pageBg = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reduceRight((under, c) => over(c, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  const paint = (el, prop) => {
    const cs = getComputedStyle(el);
    const c = parse(cs[prop]);
    if (!c) return null;
    c.a *= Number(cs[prop === 'fill' ? 'fillOpacity' : 'strokeOpacity']) * Number(cs.opacity);
    return c.a > 0 ? c : null;
  };
  // Each chart is drawn twice (wide, and narrow for phones) and the style sheet shows one:
  // exactly one per figure may be on screen, and only that one is judged.
  document.querySelectorAll('figure').forEach((fig, i) => {
    const svgs = [...fig.querySelectorAll('svg[role="img"]')];
    const shown = svgs.filter((svg) => svg.getClientRects().length > 0);
    if (svgs.length && shown.length !== 1) problems.push(`figure ${i + 1} ("${svgs[0].querySelector('title')?.textContent ?? ''}") shows ${shown.length} of its ${svgs.length} charts, want exactly 1`);
  });
  [...document.querySelectorAll('svg[role="img"]')].filter((svg) => svg.getClientRects().length > 0).forEach((svg) => {
    const title = svg.querySelector('title')?.textContent || svg.id || 'chart';
    const svgBox = svg.getBoundingClientRect();
    const clips = getComputedStyle(svg).overflow !== 'visible';
    const bg = pageBg(svg);
    // Filled shapes with their paint, place in document (= painting) order and inverse screen matrix.
    const order = new Map([...svg.querySelectorAll('*')].map((el, i) => [el, i]));
    const shapes = contrast ? [...svg.querySelectorAll('rect, circle, ellipse, path, polygon')]
      .map((sh) => ({ sh, fill: paint(sh, 'fill'), at: order.get(sh), inv: sh.getScreenCTM().inverse() }))
      .filter((x) => x.fill) : [];
    for (const t of svg.querySelectorAll('text')) {
      const label = t.textContent.trim();
      if (!label) continue;
      const r = t.getBoundingClientRect();
      const right = clips ? svgBox.right : document.documentElement.clientWidth;
      const left = clips ? svgBox.left : 0;
      if (r.left < left - 1 || r.right > right + 1) problems.push(`chart "${title}": text "${label}" is cut off at the ${r.left < left - 1 ? 'left' : 'right'} edge (${Math.round(Math.max(left - r.left, r.right - right))} px)`);
      const fill = contrast && paint(t, 'fill');
      if (!fill) continue;
      // Sample the text's midline at 20%, 50% and 80% of its width; under each point the
      // background is the last filled shape before the text (SVG paints in document order).
      const bb = t.getBBox();
      const toScreen = t.getScreenCTM();
      let worst = null;
      for (const f of [0.2, 0.5, 0.8]) {
        const pt = new DOMPoint(bb.x + bb.width * f, bb.y + bb.height / 2).matrixTransform(toScreen);
        let under = bg;
        const at = order.get(t);
        for (const x of shapes) {
          if (x.at < at && x.sh.isPointInFill(pt.matrixTransform(x.inv))) under = over(x.fill, under);
        }
        const cr = ratio(over(fill, under), under);
        if (!worst || cr < worst.cr) worst = { cr, under };
      }
      const cs = getComputedStyle(t);
      const px = parseFloat(cs.fontSize) * Math.hypot(toScreen.a, toScreen.b);
      const large = px >= 24 || (px >= 18.66 && Number(cs.fontWeight) >= 700);
      const need = large ? 3 : 4.5;
      if (worst.cr < need) problems.push(`chart "${title}": text "${label}" (${hex(over(fill, worst.under))} on ${hex(worst.under)}) has contrast ${worst.cr.toFixed(2)}:1, needs ${need}:1 (WCAG 1.4.3)`);
    }
  });
  return problems;
}

// Headline figures (.stat dd) whose value has no space but is broken over two lines, like
// "£242,40" / "0". Runs in the page.
function brokenFigures() {
  const out = [];
  document.querySelectorAll('.stat dd').forEach((dd) => {
    const node = [...dd.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!node || /\s/.test(node.textContent.trim())) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) out.push(`headline figure "${node.textContent.trim()}" (${dd.previousElementSibling?.textContent.trim() || 'stat'}) is broken over ${tops.size} lines`);
  });
  return out;
}

// Phone width: returns { scrollWidth, offenders[], problems[] }.
function phoneChecks({ width, minText }) {
  const problems = [];
  const doc = document.documentElement;
  const scrollWidth = Math.max(doc.scrollWidth, document.body.scrollWidth);
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    const t = el.textContent.replace(/\s+/g, ' ').trim();
    return t ? `${s} "${t.slice(0, 40)}"` : s;
  };
  const scrolls = (el) => {
    const ox = getComputedStyle(el).overflowX;
    return ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip';
  };
  // Outermost elements that stick out to the right of the viewport and are not clipped by a
  // scrolling ancestor: these are what make the page scroll sideways.
  const offenders = [];
  const walk = (el) => {
    for (const child of el.children) {
      const r = child.getBoundingClientRect();
      if (r.width && r.right > width + 0.5) {
        offenders.push(`${describe(child)} reaches ${Math.round(r.right)} px`);
        continue;
      }
      if (!scrolls(child)) walk(child);
    }
  };
  walk(document.body);
  // Charts scale down to their figure; tables that are wider than the screen are in a box that
  // scrolls by itself.
  document.querySelectorAll('figure svg').forEach((svg) => {
    const fig = svg.closest('figure');
    const w = svg.getBoundingClientRect().width;
    if (w > fig.clientWidth + 0.5) problems.push(`chart "${svg.querySelector('title')?.textContent ?? ''}" is ${Math.round(w)} px wide in a ${fig.clientWidth} px figure (does not scale down)`);
  });
  document.querySelectorAll('table').forEach((t) => {
    const box = t.closest('.table-scroll');
    if (box && t.getBoundingClientRect().width > box.clientWidth + 0.5 && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
      problems.push(`table "${t.caption?.textContent ?? ''}" is wider than its .table-scroll box, which does not scroll`);
    }
  });
  // Smallest chart text as drawn on the phone (charts scale with the screen): reported, and
  // failed below PHONE_MIN_TEXT px (phones get charts drawn for their width, not shrunk).
  let smallest = null;
  document.querySelectorAll('svg[role="img"] text').forEach((t) => {
    if (!t.getClientRects().length) return;
    const m = t.getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (t.textContent.trim() && (!smallest || px < smallest.px)) smallest = { px, text: t.textContent.trim().slice(0, 30) };
  });
  if (smallest && smallest.px < minText) problems.push(`chart text "${smallest.text}" is ${smallest.px.toFixed(1)} px on a ${width} px phone, under ${minText} px`);
  return { scrollWidth, offenders: offenders.slice(0, 5), problems, smallest };
}

// Print layout (media emulated as print, viewport as wide as the A4 printable width). Measures
// what the page count bound needs and plants marker links whose PDF annotations tell on which
// page an element starts and ends (see pdfLinkPages).
function printLayout({ marker, pageHeight, pageWidth }) {
  const problems = [];
  // Nothing may stick out past the right margin: nothing scrolls on paper.
  const wide = [];
  const walk = (el) => {
    for (const child of el.children) {
      const r = child.getBoundingClientRect();
      const ox = getComputedStyle(child).overflowX;
      if (r.width && r.right > pageWidth + 1) wide.push(`${child.tagName.toLowerCase()}${child.classList.length ? '.' + [...child.classList].join('.') : ''} "${child.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}" reaches ${Math.round(r.right)} px`);
      else if (ox === 'visible') walk(child);
    }
  };
  walk(document.body);
  // (Chromium then lays the whole page out wider and shrinks it to fit: every line prints smaller.)
  const widest = Math.max(document.documentElement.scrollWidth, ...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right));
  if (wide.length) problems.push(`content is wider than the A4 printable width (${Math.round(widest)} px > ${Math.round(pageWidth)} px), so the whole page prints shrunk to ${Math.round(100 * pageWidth / widest)}% or is cut off: ${wide.slice(0, 3).join('; ')}`);
  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim().slice(0, 50);
  const plant = (el, name, edge) => {
    if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
    const a = document.createElement('a');
    a.href = marker + name;
    a.setAttribute('style', `position:absolute;left:0;${edge}:0;width:2px;height:2px;display:block;`);
    el.appendChild(a);
  };
  const shown = (el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const figures = [...document.querySelectorAll('figure.figure')].filter(shown);
  figures.forEach((f, i) => {
    const cs = getComputedStyle(f);
    const h = f.getBoundingClientRect().height;
    const name = f.querySelector('svg title')?.textContent || `figure ${i + 1}`;
    const printed = [...f.querySelectorAll('svg')].filter(shown);
    if (printed.length !== 1 || !printed[0].classList.contains('chart-wide')) problems.push(`chart "${name}" prints ${printed.length} charts (${printed.map((svg) => svg.getAttribute('class')).join(', ')}), want the one chart-wide`);
    if (!/avoid/.test(cs.breakInside)) problems.push(`chart "${name}" may be split across pages: break-inside is ${cs.breakInside} in print, want avoid`);
    if (h > pageHeight) problems.push(`chart "${name}" is ${Math.round(h)} px tall in print, more than the ${Math.round(pageHeight)} px of an A4 page`);
  });
  // The design's forced page breaks (before each section.section) split the document into
  // chunks; see the bound in checkPrint. Forced breaks anywhere else are not counted, so the
  // pages they add show up against the bound.
  const docTop = document.documentElement.getBoundingClientRect().top;
  const end = Math.max(document.documentElement.scrollHeight, document.body.getBoundingClientRect().bottom - docTop);
  const starts = [];
  const avoids = []; // break-inside: avoid blocks as [top, height]
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || !el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    if (el.matches('section.section') && (cs.breakBefore === 'page' || cs.breakBefore === 'always')) {
      const top = r.top - docTop;
      if (top > 1) starts.push(top);
    }
    if (/avoid/.test(cs.breakInside)) avoids.push([r.top - docTop, r.height]);
    // Blocks kept together by break-after/-before: avoid act like break-inside: avoid ones: a
    // heading with the start of what follows it (all of it if that is unbreakable, else a few
    // lines), a table's caption and header with its first row.
    if (/^H[1-6]$/.test(el.tagName) && /avoid/.test(cs.breakAfter) && el.nextElementSibling) {
      const next = el.nextElementSibling;
      const nr = next.getBoundingClientRect();
      const whole = /avoid/.test(getComputedStyle(next).breakInside);
      avoids.push([r.top - docTop, (whole ? nr.bottom : Math.min(nr.bottom, nr.top + 60)) - r.top]);
    }
    if (el.tagName === 'TABLE' && el.tBodies[0]?.rows[0]) avoids.push([r.top - docTop, el.tBodies[0].rows[0].getBoundingClientRect().bottom - r.top]);
  }
  const edges = [0, ...new Set(starts.sort((a, b) => a - b)), end];
  const chunks = edges.slice(1).map((e, i) => ({
    height: e - edges[i],
    // plus two lines for widows and orphans
    tallestAvoid: Math.max(0, ...avoids.filter(([top]) => top >= edges[i] && top < e).map(([, h]) => h)) + 2 * parseFloat(getComputedStyle(document.body).lineHeight),
  })).filter((c) => c.height > 0);

  // Markers: figures (start and end), the headline box, and each heading with what follows it.
  figures.forEach((f, i) => { plant(f, `fig${i}-start`, 'top'); plant(f, `fig${i}-end`, 'bottom'); });
  const headline = document.querySelector('section.headline');
  if (headline) { plant(headline, 'headline-start', 'top'); plant(headline, 'headline-end', 'bottom'); }
  const tables = [];
  document.querySelectorAll('main table').forEach((t, i) => {
    const first = t.tBodies[0]?.rows[0]?.cells[0];
    if (!shown(t) || !first) return;
    plant(t.caption && shown(t.caption) ? t.caption : (t.tHead?.rows[0]?.cells[0] || t), `t${i}`, 'top');
    plant(first, `t${i}-row`, 'top');
    tables.push({ i, name: t.caption ? text(t.caption) : `table ${i + 1}` });
  });
  const pairs = [];
  document.querySelectorAll('main h2, main h3').forEach((h, i) => {
    const next = h.nextElementSibling;
    if (!shown(h) || !next || !shown(next)) return;
    plant(h, `h${i}`, 'top');
    plant(next, `h${i}-next`, 'top');
    pairs.push({ i, heading: text(h) });
  });
  return {
    problems,
    figures: figures.map((f, i) => ({ i, name: f.querySelector('svg title')?.textContent || `figure ${i + 1}` })),
    headline: !!headline,
    pairs,
    tables,
    chunks,
  };
}

// ---------------------------------------------------------------- PDF reading

// Chromium's PDFs (Skia) have a classic xref table and plain (uncompressed) page and annotation
// dictionaries, so a few lines find, for every page in order, the URIs of its link annotations.
// Any surprise throws, and the print check then fails loudly instead of passing unverified.
function pdfLinkPages(buf) {
  const s = buf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)?.[1]);
  if (!Number.isFinite(startxref) || !s.startsWith('xref', startxref)) throw new Error('PDF has no classic xref table');
  const offsets = new Map();
  // "xref", then subsections: "first count" followed by 20-byte entries "offset gen n|f".
  const xref = /xref\s+|(\d{10}) (\d{5}) ([nf])\s*|(\d+) (\d+)\s+|trailer/y;
  xref.lastIndex = startxref;
  let next = 0;
  for (let m; (m = xref.exec(s)) && !m[0].startsWith('trailer');) {
    if (m[1] !== undefined) { if (m[3] === 'n') offsets.set(next, Number(m[1])); next++; }
    else if (m[4] !== undefined) next = Number(m[4]);
  }
  const obj = (n) => {
    const at = offsets.get(n);
    if (at === undefined) throw new Error(`PDF object ${n} not in xref`);
    const body = s.slice(at, at + 100000);
    const stop = body.search(/\bstream\b|\bendobj\b/);
    return body.slice(0, stop < 0 ? undefined : stop);
  };
  const ref = (dict, key) => { const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict); return m ? Number(m[1]) : null; };
  const refs = (str) => [...str.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const trailer = s.slice(s.indexOf('trailer', startxref));
  const root = obj(ref(trailer, 'Root'));
  const pages = [];
  const visit = (n, depth) => {
    if (depth > 32) throw new Error('PDF page tree too deep');
    const d = obj(n);
    if (/\/Type\s*\/Pages\b/.test(d)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(d);
      if (!kids) throw new Error('PDF Pages node without Kids');
      refs(kids[1]).forEach((k) => visit(k, depth + 1));
    } else if (/\/Type\s*\/Page\b/.test(d)) {
      let annots = [];
      const inline = /\/Annots\s*\[([^\]]*)\]/.exec(d);
      if (inline) annots = refs(inline[1]);
      else if (ref(d, 'Annots') !== null) annots = refs(obj(ref(d, 'Annots')).replace(/^\d+ \d+ obj/, ''));
      pages.push(annots.map((a) => /\/URI\s*\(([^)]*)\)/.exec(obj(a))?.[1]).filter(Boolean));
    } else throw new Error(`PDF page tree node ${n} is neither Pages nor Page`);
  };
  visit(ref(root, 'Pages'), 0);
  return pages;
}

// ---------------------------------------------------------------- per-page work

function watch(page, url, fail) {
  const own = url.split('#')[0];
  page.on('console', (m) => {
    if (m.type() === 'error') {
      const loc = m.location();
      fail('console', `console error: ${m.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (e) => fail('console', `uncaught exception: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.split('#')[0] === own) return;
    fail('requests', `${r.resourceType()} request to ${u} (a page fetches nothing but itself)`);
  });
  page.on('requestfailed', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.split('#')[0] === own) fail('requests', `request for the page itself failed: ${r.failure()?.errorText}`);
  });
  page.on('dialog', (d) => { fail('console', `page opened a ${d.type()} dialog`); d.dismiss().catch(() => {}); });
}

async function checkAxe(page, fail, notes) {
  await page.evaluate(AXE_SOURCE);
  const res = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const pick = (v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) });
    return { violations: r.violations.map(pick), incomplete: r.incomplete.map(pick) };
  }, AXE_TAGS);
  for (const v of res.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target).join(', ') + (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '');
    fail('axe', `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ${where}. ${(v.nodes[0]?.summary || '').replace(/\s+/g, ' ')}`);
  }
  for (const v of res.incomplete) notes.push({ id: v.id, help: v.help, nodes: v.nodes.length, example: v.nodes[0]?.target });
}

async function checkStructure(page, file, fail) {
  const { problems, links, lang } = await page.evaluate(structureChecks);
  problems.forEach((p) => fail('structure', p));
  // Links between pages must resolve to a file of the report (and to an id in it).
  for (const l of links) {
    const u = new URL(l.href);
    if (u.protocol !== 'file:') continue;
    const target = fileURLToPath(u);
    if (!fs.existsSync(target)) { fail('structure', `link "${l.name}" goes to ${l.raw}, which does not exist`); continue; }
    if (u.hash && u.hash !== '#') {
      const id = decodeURIComponent(u.hash.slice(1));
      const html = target === file ? null : fs.readFileSync(target, 'utf8');
      const found = html === null ? await page.evaluate((i) => !!document.getElementById(i), id) : html.includes(`id="${id}"`);
      if (!found) fail('structure', `link "${l.name}" goes to ${l.raw}, but there is no id "${id}" there`);
    }
  }
  return lang;
}

async function checkPhone(page, fail) {
  const r = await page.evaluate(phoneChecks, { width: PHONE.width, minText: PHONE_MIN_TEXT });
  if (r.scrollWidth > PHONE.width) {
    fail('phone', `scrolls sideways at ${PHONE.width} px: the document is ${r.scrollWidth} px wide${r.offenders.length ? '; too wide: ' + r.offenders.join('; ') : ''}`);
  }
  r.problems.forEach((p) => fail('phone', p));
  (await page.evaluate(brokenFigures)).forEach((p) => fail('phone', p));
  // Chart text must not be cut off at phone width either.
  (await page.evaluate(chartChecks, { contrast: false })).forEach((p) => fail('phone', p));
  return r.smallest;
}

async function checkPrint(page, fail, info) {
  // A4 with the page margins of the stylesheet's @page rule (Chromium honours them in page.pdf).
  const margins = await page.evaluate(() => {
    const toPx = (v) => {
      const m = /^([\d.]+)(mm|cm|in|pt|px)?$/.exec((v || '').trim());
      if (!m) return null;
      return Number(m[1]) * { mm: 96 / 25.4, cm: 96 / 2.54, in: 96, pt: 96 / 72, px: 1 }[m[2] || 'px'];
    };
    const out = { top: 0, bottom: 0, left: 0, right: 0 };
    const visit = (rules) => {
      for (const r of rules) {
        if (r.type === CSSRule.PAGE_RULE) for (const k of Object.keys(out)) { const px = toPx(r.style[`margin-${k}`]); if (px !== null) out[k] = px; }
        else if (r.cssRules && (!r.media || [...r.media].some((m) => /print|all/.test(m)))) visit(r.cssRules);
      }
    };
    for (const sheet of document.styleSheets) {
      try { visit(sheet.cssRules); } catch { /* a cross-origin sheet: already a requests failure */ }
    }
    return out;
  });
  const pageHeight = A4.height - margins.top - margins.bottom;
  const pageWidth = A4.width - margins.left - margins.right;
  await page.setViewportSize({ width: Math.floor(pageWidth), height: Math.floor(pageHeight) });
  await page.emulateMedia({ media: 'print' });
  (await page.evaluate(brokenFigures)).forEach((p) => fail('print', p));
  const layout = await page.evaluate(printLayout, { marker: MARKER, pageHeight, pageWidth });
  layout.problems.forEach((p) => fail('print', p));
  const pdf = await page.pdf({ format: 'A4' });
  let pages;
  try {
    pages = pdfLinkPages(pdf);
  } catch (e) {
    fail('print', `cannot read the PDF Chromium wrote (${e.message}), so charts were not checked`);
    return;
  }
  const where = new Map();
  pages.forEach((uris, i) => uris.forEach((u) => { if (u.startsWith(MARKER) && !where.has(u.slice(MARKER.length))) where.set(u.slice(MARKER.length), i + 1); }));
  const at = (name) => where.get(name);
  for (const f of layout.figures) {
    const s = at(`fig${f.i}-start`);
    const e = at(`fig${f.i}-end`);
    if (!s || !e) fail('print', `chart "${f.name}": its markers are missing from the PDF, cannot tell its page`);
    else if (s !== e) fail('print', `chart "${f.name}" is split over PDF pages ${s} to ${e}`);
  }
  if (!layout.headline) fail('print', 'no section.headline on the page');
  else if (at('headline-start') !== 1 || at('headline-end') !== 1) {
    const [a, b] = [at('headline-start'), at('headline-end')];
    fail('print', `the headline box is on PDF page ${a === b ? a : `${a} to ${b}`}, not wholly on page 1`);
  }
  for (const p of layout.pairs) {
    const h = at(`h${p.i}`);
    const n = at(`h${p.i}-next`);
    if (h && n && h !== n) fail('print', `heading "${p.heading}" is left at the foot of PDF page ${h}; what follows it starts on page ${n}`);
  }
  for (const t of layout.tables) {
    const top = at(`t${t.i}`);
    const row = at(`t${t.i}-row`);
    if (top && row && top !== row) fail('print', `table "${t.name}": its caption and header are at the foot of PDF page ${top}, its first row on page ${row}`);
  }
  // Page count bound. The design's forced breaks (each section.section starts a new page in
  // print) split the page into chunks of heights h_i, measured in the print-emulated layout at
  // the A4 printable width. A chunk cannot use fewer than one page, so pages >= number of chunks
  // (fewer means a break was ignored or content lost). Within a chunk a page ends early only to
  // keep a block whole (a break-inside: avoid chart, quote, table row or stat; a heading with
  // what follows; a table's caption, header and first row; two lines for widows and orphans),
  // so every page but the chunk's last holds at least P - A_i of content, where P is the
  // printable height and A_i the chunk's tallest such block: a chunk takes one page if it
  // fits (h_i <= P less a line for rounding), else at most ceil(h_i / (P - A_i)). More pages than the sum means blank pages or
  // breaks nobody asked for (a forced break anywhere else, say). If A_i >= P the bound is
  // dropped (the chart-height check fails then anyway). On the sample report: project briefings
  // of 10-12 PDF pages get bounds 8-11 to 8-13, funder pages of 7-9 get 6-7 to 6-10, the
  // portfolio's 13 gets 9-15: tight enough to catch a stray page per chart or per section.
  const lower = layout.chunks.length;
  const chunkPages = (c) => {
    if (c.height <= pageHeight - 24) return 1; // fits with a line to spare for rounding
    return c.tallestAvoid < pageHeight ? Math.ceil(c.height / (pageHeight - c.tallestAvoid)) : Infinity;
  };
  const upper = layout.chunks.reduce((n, c) => n + chunkPages(c), 0);
  const content = Math.round(layout.chunks.reduce((a, c) => a + c.height, 0));
  if (pages.length < lower || pages.length > upper) fail('print', `${pages.length} PDF pages, outside the expected ${lower}–${upper} (${layout.chunks.length} forced-break chunks, ${content} px of content, ${Math.round(pageHeight)} px per page)`);
  info.pages = pages.length;
  info.bound = [lower, upper];
}

// ---------------------------------------------------------------- main

// Chromium can crash while it starts (a SIGSEGV before any page, seen once on a CI machine and
// never again there or here): that says nothing of the pages, so a start that fails is tried
// again, up to three times in all, a second apart. A browser that never starts still fails the
// test, with the last error.
async function launchChromium(executablePath, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    } catch (e) {
      if (attempt >= attempts) throw e;
      const first = String(e.message || e).split('\n')[0];
      console.error(`note: Chromium did not start (attempt ${attempt} of ${attempts}: ${first}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function main() {
  const { reports, shots } = parseArgs(process.argv.slice(2));
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
  const started = Date.now();
  const browser = await launchChromium(executablePath);
  const failures = [];
  let passed = 0;
  let failed = 0;
  const notes = new Map(); // axe rule id -> { help, nodes, pages, example }
  const summary = [];
  const timing = {}; // check -> ms, summed over pages (printed with MWM_BROWSER_VERBOSE=1)
  try {
    for (const [ri, { lang, dir, only }] of reports.entries()) {
      const files = htmlPages(dir).filter((f) => !only || only.some((o) => f.startsWith(o)));
      if (!files.length) { failed++; failures.push(`FAIL [${lang}] ${dir}: no .html pages in the report folder`); continue; }
      if (!files.includes('index.html')) { failed++; failures.push(`FAIL [${lang}] ${dir}: no index.html`); }
      const abortOutside = (route) => route.abort('blockedbyclient');
      const desktop = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
      const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, serviceWorkers: 'block' });
      for (const ctx of [desktop, phone]) await ctx.route((u) => !/^(file|data):$/.test(u.protocol), abortOutside);
      const shotFiles = new Set();
      if (shots && ri === 0) {
        const projects = files.filter((f) => f.startsWith('projects/'));
        const largest = projects.sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0];
        ['index.html', largest].filter(Boolean).forEach((f) => shotFiles.add(f));
        fs.mkdirSync(shots, { recursive: true });
      }
      const langs = new Map();
      let pageCounts = [];
      let smallest = null;
      // Two pages at a time: the machine has two cores.
      const queue = [...files];
      const worker = async () => {
        for (let rel; (rel = queue.shift()) !== undefined;) {
          const file = path.join(dir, rel);
          const url = pathToFileURL(file).href;
          const bad = new Map(CHECKS.map((c) => [c, []]));
          const fail = (check, msg) => { if (!bad.get(check).includes(msg)) bad.get(check).push(msg); };
          const pageNotes = [];
          const info = {};
          const run = async (check, fn) => {
            const t0 = Date.now();
            try { await fn(); } catch (e) { fail(check, `check crashed: ${e.message.split('\n')[0]}`); }
            timing[check] = (timing[check] || 0) + Date.now() - t0;
          };
          const d = await desktop.newPage();
          d.setDefaultTimeout(20000);
          watch(d, url, fail);
          await run('requests', () => d.goto(url, { waitUntil: 'load' }));
          const shotName = rel.replace(/\.html$/, '').replace(/\//g, '-');
          if (shotFiles.has(rel)) await d.screenshot({ path: path.join(shots, `${shotName}-desktop.png`), fullPage: true });
          await run('axe', () => checkAxe(d, fail, pageNotes));
          await run('structure', async () => { langs.set(rel, await checkStructure(d, file, fail)); });
          await run('charts', async () => { (await d.evaluate(chartChecks, {})).forEach((p) => fail('charts', p)); });
          const p = await phone.newPage();
          p.setDefaultTimeout(20000);
          watch(p, url, fail);
          await run('phone', async () => {
            await p.goto(url, { waitUntil: 'load' });
            const small = await checkPhone(p, fail);
            if (small && (!smallest || small.px < smallest.px)) smallest = { ...small, rel };
            if (shotFiles.has(rel)) await p.screenshot({ path: path.join(shots, `${shotName}-phone.png`), fullPage: true });
          });
          await p.close();
          await run('print', () => checkPrint(d, fail, info));
          await d.close();
          if (info.pages) pageCounts.push(info.pages);
          if (process.env.MWM_BROWSER_VERBOSE) console.log(`[${lang}] ${rel}: ${info.pages} PDF pages, bound ${info.bound?.join('–')}`);
          for (const n of pageNotes) {
            if (!notes.has(n.id)) notes.set(n.id, { help: n.help, nodes: 0, pages: [], example: `${n.example} in ${lang} ${rel}` });
            const note = notes.get(n.id);
            note.nodes += n.nodes;
            note.pages.push(`${lang} ${rel}`);
          }
          for (const [check, msgs] of bad) {
            if (msgs.length) failed++;
            else passed++;
            msgs.forEach((m) => failures.push(`FAIL [${lang}] ${rel}: ${check}: ${m}`));
          }
        }
      };
      await Promise.all([worker(), worker()]);
      await desktop.close();
      await phone.close();
      const wrongLang = [...langs].filter(([, l]) => l.split('-')[0] !== lang);
      // Every page of a language's folder says its language (WCAG 3.1.1).
      for (const [rel, l] of wrongLang) { failed++; failures.push(`FAIL [${lang}] ${rel}: lang: <html lang="${l}">, not "${lang}"`); }
      passed += files.length - wrongLang.length;
      if (smallest) console.log(`note: [${lang}] smallest chart text at ${PHONE.width} px wide: ${smallest.px.toFixed(1)} px ("${smallest.text}" in ${smallest.rel})`);
      pageCounts = pageCounts.sort((a, b) => a - b);
      summary.push(`[${lang}] ${files.length} pages in ${dir}; A4 PDF pages per page ${pageCounts[0]}–${pageCounts[pageCounts.length - 1]}`);
    }
  } finally {
    await browser.close();
  }
  // axe's "incomplete" results are ones it could not decide (e.g. the contrast of SVG text): shown,
  // not failed.
  for (const [id, n] of notes) console.log(`note: axe could not decide ${id} (${n.help}) for ${n.nodes} element(s) on ${n.pages.length} page(s), e.g. ${n.example}; not failed`);
  summary.forEach((s) => console.log(s));
  failures.forEach((f) => console.log(f));
  if (process.env.MWM_BROWSER_VERBOSE) console.log(`time per check (ms, summed over pages): ${JSON.stringify(timing)}`);
  console.log(`browser test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed || failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(`browser test could not run: ${e.stack || e}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
