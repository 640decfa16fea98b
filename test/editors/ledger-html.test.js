'use strict';
// The HTML ledger (`shitei ledger --format html`) rendered in Debian's headless Chromium.
//
//   npx tsc -b && node --test test/editors/ledger-html.test.js
//
// Needs Chromium and a Japanese font (Debian: `apt-get install -y chromium fonts-ipafont-gothic`).
// A missing Chromium is a FAILURE, not a skip: CI always runs this. SHITEI_CHROMIUM overrides
// the binary (default /usr/bin/chromium, else `chromium` on PATH).
//
// The page is written from samples/ (the whole sample workspace, README.md included, so the
// "skipped files" section is exercised) into a fresh temporary folder. Then:
//   1. `chromium --headless --dump-dom` (no driver at all): the parsed DOM has the title, the
//      tables and the chart.
//   2. With playwright-core (the root node_modules or test/editors/vscode/node_modules, whichever
//      has it), the page is loaded with every request recorded: the tables have their rows, the
//      SVG chart has bars, nothing but the file itself is requested, the Japanese text is drawn
//      with a Japanese font (CSS.getPlatformFontsForNode over CDP), the print layout is A4
//      landscape with repeating table headers, and a full-page screenshot goes to
//      test-results/ledger.png. Without playwright-core, `chromium --screenshot` takes the
//      screenshot instead.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'shitei.js');
const RESULTS = path.join(ROOT, 'test-results');
const SCREENSHOT = path.join(RESULTS, 'ledger.png');
const RUN_TIMEOUT_MS = 60_000;

function findChromium() {
  const candidates = [process.env.SHITEI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found && fs.existsSync(found) ? found : undefined;
}

function findPlaywright() {
  for (const dir of [ROOT, path.join(ROOT, 'test', 'editors', 'vscode')]) {
    try {
      return require(require.resolve('playwright-core', { paths: [dir] }));
    } catch {
      // not installed there
    }
  }
  return undefined;
}

const CHROMIUM = findChromium();
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'shitei-ledger-html-'));
const PAGE = path.join(WORK, 'ledger.html');
const PAGE_URL = `file://${PAGE}`;

/** Chromium flags for a throw-away headless run that talks to no one. */
function chromiumArgs(profile) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=ja',
    `--user-data-dir=${profile}`,
  ];
}

function requireChromium() {
  assert.ok(CHROMIUM, 'Chromium not found: apt-get install -y chromium fonts-ipafont-gothic (or set SHITEI_CHROMIUM)');
}

test('shitei ledger writes the HTML page from samples/', () => {
  const r = spawnSync(process.execPath, [BIN, 'ledger', '--format', 'html', '--out', PAGE, 'samples/'], { cwd: ROOT, encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = fs.readFileSync(PAGE, 'utf8');
  assert.match(html, /<html lang="ja">/);
  assert.ok(!/https?:\/\//i.test(html), 'no URL to fetch');
});

test('Chromium --dump-dom: the parsed page has the title, the tables and the chart', () => {
  requireChromium();
  const profile = fs.mkdtempSync(path.join(WORK, 'profile-'));
  const r = spawnSync(CHROMIUM, [...chromiumArgs(profile), '--dump-dom', PAGE_URL], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `chromium exited ${r.status} ${r.signal ?? ''}\n${r.stderr}`);
  const dom = r.stdout;
  assert.match(dom, /<title>特定秘密指定管理簿<\/title>/);
  for (const id of ['register', 'by-agency', 'by-validity', 'expiring-soon', 'skipped']) assert.match(dom, new RegExp(`<table id="${id}"`), id);
  assert.match(dom, /<svg[^>]*id="expiry-chart"/);
  assert.match(dom, /LEDGER-海保-2025-0702/);
  assert.match(dom, /samples\/README\.md/);
});

test('rendered: tables with rows, chart bars, no request but the file, a Japanese font, print layout, screenshot', async () => {
  requireChromium();
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.rmSync(SCREENSHOT, { force: true });
  const playwright = findPlaywright();
  if (!playwright) {
    // No driver: the screenshot straight from the binary (the DOM was checked above).
    const profile = fs.mkdtempSync(path.join(WORK, 'profile-'));
    const r = spawnSync(CHROMIUM, [...chromiumArgs(profile), '--hide-scrollbars', '--window-size=1400,2400', `--screenshot=${SCREENSHOT}`, PAGE_URL], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.statSync(SCREENSHOT).size > 10_000, 'a screenshot with content');
    return;
  }
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: RUN_TIMEOUT_MS, args: chromiumArgs(fs.mkdtempSync(path.join(WORK, 'profile-'))).filter((a) => !a.startsWith('--user-data-dir')) });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(RUN_TIMEOUT_MS);
    const requests = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(PAGE_URL, { waitUntil: 'load' });

    assert.equal(await page.title(), '特定秘密指定管理簿');
    const expected = JSON.parse(spawnSync(process.execPath, [BIN, 'ledger', '--format', 'json', 'samples/'], { cwd: ROOT, encoding: 'utf8', timeout: RUN_TIMEOUT_MS }).stdout);
    assert.equal(await page.locator('#register tbody tr').count(), expected.rows.length);
    assert.equal(await page.locator('#by-agency tbody tr').count(), expected.summary.byAgencyAndGou.rows.length);
    assert.equal(await page.locator('#by-agency tfoot tr td').last().textContent(), String(expected.rows.length));
    assert.equal(await page.locator('#expiring-soon tbody tr').count(), expected.summary.expiringSoon.length);
    assert.equal(await page.locator('#skipped tbody tr').count(), expected.skipped.length);
    // Every designation with a readable 満了日 is in exactly one bar ("2028年3月: 26件").
    const titles = await page.locator('#expiry-chart rect title').allTextContents();
    assert.ok(titles.length > 0);
    const charted = titles.reduce((n, t) => n + Number(/(\d+)件$/.exec(t)[1]), 0);
    assert.equal(charted, expected.rows.filter((r) => r.finalExpiryIso).length);
    const chart = await page.locator('#expiry-chart').boundingBox();
    assert.ok(chart && chart.width > 300 && chart.height > 80, `the chart is drawn (${JSON.stringify(chart)})`);
    const headers = await page.locator('#register thead th').allTextContents();
    assert.deepEqual(headers.slice(0, 6), ['整理番号', '指定年月日', '有効期間', '満了日', '延長', '満了日（延長後）']);

    assert.deepEqual([...new Set(requests)], [PAGE_URL], `only the page itself is loaded: ${requests.join(', ')}`);

    // The glyphs of the Japanese heading come from a Japanese font, not boxes.
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const families = fonts.map((f) => f.familyName);
    assert.ok(families.length > 0 && families.every((f) => /IPA|Noto.*(CJK|JP)|Gothic|Hiragino|Meiryo|Yu /i.test(f)), `h1 drawn with ${families.join(', ')}`);
    const glyphs = fonts.reduce((n, f) => n + f.glyphCount, 0);
    assert.equal(glyphs, '特定秘密指定管理簿'.length);

    // Mixed date styles: one normalized (ISO) form per cell, and the sheet's own text below it.
    const dates = await page.locator('#register td.date .norm').allTextContents();
    assert.ok(dates.length > 0 && dates.every((d) => /^\d{4}-\d{2}-\d{2}※?$/.test(d)), `normalized dates: ${dates.slice(0, 5)}`);
    assert.ok((await page.locator('#register td.date .written', { hasText: '令和' }).count()) > 0, 'the written 令和 text is shown too');
    // Sheets with errors are flagged as `shitei check` finds them; file names are links.
    const checked = JSON.parse(spawnSync(process.execPath, [BIN, 'check', '--format', 'json', 'samples/'], { cwd: ROOT, encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }).stdout);
    const withErrors = new Set(checked.files.filter((f) => (f.diagnostics || []).some((d) => d.severity === 'error')).map((f) => f.path));
    const flagged = await page.locator('#register tr.has-errors').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
    assert.ok(flagged.length > 0);
    assert.deepEqual(flagged.filter((p) => !withErrors.has(p)), [], 'only sheets with errors are flagged');
    assert.deepEqual(expected.rows.map((r) => r.path).filter((p) => withErrors.has(p) && !flagged.includes(p)), [], 'every sheet with errors is flagged');
    assert.equal(await page.locator('#register td.path a.sheet').count(), expected.rows.length);
    // The register fits the window at 1400 px and at 1000 px (VS Code's editor beside the side bar).
    for (const width of [1400, 1000]) {
      await page.setViewportSize({ width, height: 1000 });
      const [page_, table, box] = await page.evaluate(() => [document.documentElement.scrollWidth, document.querySelector('#register').scrollWidth, document.querySelector('.table-scroll').clientWidth]);
      assert.ok(page_ <= width, `the page overflows at ${width} px (${page_})`);
      assert.ok(table <= box, `the register overflows its box at ${width} px (${table} > ${box})`);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.ok(fs.statSync(SCREENSHOT).size > 10_000, 'a screenshot with content');

    // Print: table headers repeat on every page, and a PDF comes out in A4 landscape.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#register thead').evaluate((el) => getComputedStyle(el).display), 'table-header-group');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    assert.ok(box, 'the PDF has a page size');
    assert.ok(Math.abs(Number(box[1]) - 841.89) < 2 && Math.abs(Number(box[2]) - 595.28) < 2, `A4 landscape, got ${box[1]}×${box[2]}`);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('shitei report (format v1.1): Chromium parses the yearly report; the register has 状態 and the counts by state', () => {
  requireChromium();
  const report = path.join(WORK, 'report.html');
  const r = spawnSync(process.execPath, [BIN, 'report', '--year', '2026', '--format', 'html', '--out', report, 'samples/lifecycle/workspace'], { cwd: ROOT, encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  assert.equal(r.status, 0, r.stderr);
  const profile = fs.mkdtempSync(path.join(WORK, 'profile-'));
  const dump = (url) => {
    const d = spawnSync(CHROMIUM, [...chromiumArgs(profile), '--dump-dom', url], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(d.status, 0, `chromium exited ${d.status} ${d.signal ?? ''}\n${d.stderr}`);
    return d.stdout;
  };
  const dom = dump(`file://${report}`);
  assert.match(dom, /<title>特定秘密の指定の状況\(2026年\)<\/title>/);
  assert.match(dom, /<td>防衛省<\/td><td>1号イa<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">1<\/td>/);
  assert.match(dom, /<tr class="total"><td>合計<\/td>/);
  const ledger = dump(PAGE_URL);
  assert.match(ledger, /<th>状態<\/th>/);
  assert.match(ledger, /<table id="by-state"/);
});

test.after(() => fs.rmSync(WORK, { recursive: true, force: true }));
