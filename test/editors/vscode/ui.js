#!/usr/bin/env node
'use strict';
/*
 * UI check of the packaged extension, as a person sees it, in the real VS Code workbench (code-server
 * 4.100.3 in headless Debian Chromium):
 *   1. installs the .vsix with `code-server --install-extension` into a throw-away extensions dir
 *      (this proves the .vsix installs into VS Code 1.100);
 *   2. opens a workspace with a bad sheet (措置：公表) and .shiteirc.json {"today":"2026-11-23"};
 *   3. opens the sheet from the Explorer, waits for the error squiggle;
 *   4. opens the Problems panel (Ctrl+Shift+M) and checks a row's aria-label carries the Japanese
 *      message (措置「公表」は「表示」…);
 *   5. saves a screenshot to test-results/vscode-ui.png.
 *
 *   node test/editors/vscode/ui.js [--vsix PATH] [--screenshot PATH]
 *
 * The .vsix defaults to SHITEI_VSIX or <repo>/shitei.vsix; build it first with `npm run package`.
 * Provision once with test/editors/vscode/setup.sh. SHITEI_VSCODE_DEBUG=1 prints code-server and
 * browser output; SHITEI_VSCODE_TIMEOUT_MS bounds the whole run (default 120000). Exit 0 on success.
 */
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const TOTAL_MS = Number(process.env.SHITEI_VSCODE_TIMEOUT_MS || 180_000);
const STEP_MS = 30_000;

function argValue(name) {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : undefined;
}

const log = (...a) => process.stderr.write(`[ui] ${a.join(' ')}\n`);

async function main() {
  const t0 = Date.now();
  const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  lib.requireSetup();
  const vsix = path.resolve(argValue('--vsix') || process.env.SHITEI_VSIX || path.join(lib.REPO, 'shitei.vsix'));
  const shot = path.resolve(argValue('--screenshot') || path.join(lib.REPO, 'test-results', 'vscode-ui.png'));
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first (or pass --vsix)`);
  const pkg = JSON.parse(fs.readFileSync(path.join(lib.REPO, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`.toLowerCase();

  const dirs = lib.makeProfile({ 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 15, 'window.zoomLevel': 0 });
  const workspace = path.join(dirs.root, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }, null, 2) + '\n');
  const valid = fs.readFileSync(path.join(lib.HERE, 'fixtures', 'valid.shitei'), 'utf8');
  const bad = valid.replace('措置：表示', '措置：公表');
  if (bad === valid) throw new Error('fixtures/valid.shitei has no 措置：表示 line');
  fs.writeFileSync(path.join(workspace, 'bad.shitei'), bad);
  // A clean sheet of another serial, for the register and the completion check.
  fs.writeFileSync(path.join(workspace, 'valid.shitei'), valid.replace('防衛-2026-0012', '防衛-2026-0020').replace('統合演習の計画(', '統合演習の実施計画(').replace(/統合演習計画\n?$/, '統合演習実施計画\n'));

  let server;
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
    if (process.env.SHITEI_VSCODE_KEEP === '1') log('kept', dirs.root);
    else lib.rmrf(dirs.root);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => {
      log(`${sig}: stopping`);
      await cleanup();
      process.exit(130);
    });
  }

  const run = async () => {
    // 1. Install the .vsix (code-server's CLI = VS Code's extension management).
    log(`installing ${path.relative(process.cwd(), vsix) || vsix}`);
    const out = lib.codeServerCli(dirs, ['--install-extension', vsix, '--force'], { timeoutMs: 60_000 });
    lib.debug(out);
    if (!/was successfully installed/.test(out)) throw new Error(`--install-extension did not report success:\n${out}`);
    const listed = lib.codeServerCli(dirs, ['--list-extensions', '--show-versions'], { timeoutMs: 30_000 });
    const line = listed.split('\n').find((l) => l.toLowerCase().startsWith(`${id}@`));
    if (!line) throw new Error(`${id} is not listed after install:\n${listed}`);
    if (line.trim().toLowerCase() !== `${id}@${pkg.version}`) log(`warning: installed ${line.trim()}, package.json says ${pkg.version} (stale .vsix?)`);
    log(`installed ${line.trim()} (${since()})`);
    // What the .vsix put on disk: the server bundle and the one (prepared) dictionary, not the code cache
    // (made by the system Node at build time, rejected by VS Code's own).
    const installedDir = fs.readdirSync(dirs.extensions).find((d) => d.toLowerCase().startsWith(`${id}-`));
    if (!installedDir) throw new Error(`no ${id}-* folder in ${dirs.extensions}`);
    const dist = path.join(dirs.extensions, installedDir, 'dist');
    for (const f of ['server.js', 'extension.js', 'cli.js', 'dict-prepared/manifest.json']) {
      if (!fs.existsSync(path.join(dist, f))) throw new Error(`the installed extension lacks dist/${f}`);
    }
    // The extension's page: the user README (not the developer one) with its screenshots, and the icon.
    const installedRoot = path.join(dirs.extensions, installedDir);
    const readme = fs.readdirSync(installedRoot).find((f) => f.toLowerCase() === 'readme.md');
    if (!readme) throw new Error('the .vsix has no README');
    const readmeText = fs.readFileSync(path.join(installedRoot, readme), 'utf8');
    if (!/^# shitei — 特定秘密指定書/.test(readmeText) || /npm ci|npm test/.test(readmeText)) throw new Error('the extension page would show the developer README');
    const images = [...readmeText.matchAll(/\]\(([^)]+\.png)\)/g)].map((m) => m[1]);
    if (images.length < 3) throw new Error(`the README shows ${images.length} screenshot(s)`);
    for (const img of [...images, installedPackage(installedRoot).icon]) {
      if (!img || !fs.existsSync(path.join(installedRoot, img))) throw new Error(`the extension page refers to ${img}, which the .vsix lacks`);
    }
    const caches = fs.readdirSync(dist).filter((f) => f.endsWith('.v8cache'));
    if (caches.length) throw new Error(`the .vsix carries ${caches.join(', ')}`);
    // Japanese display language for the extension (an empty language pack: the UI stays English).
    lib.installLocaleStub(dirs, 'ja');

    // 2. The workbench.
    server = await lib.startCodeServer(dirs, { folder: workspace, locale: 'ja' });
    browser = await lib.launchBrowser(dirs, { locale: 'ja-JP', timeoutMs: STEP_MS });
    const { page } = browser;
    if (lib.DEBUG) page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));
    await page.goto(lib.workbenchUrl(server.origin, { folder: workspace }), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    log(`workbench up (${since()})`);

    // 3. Open the sheet from the Explorer.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bad.shitei' }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
    await page.locator('.tab.active', { hasText: 'bad.shitei' }).waitFor({ state: 'visible' });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').waitFor({ state: 'visible' });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached' });
    const squiggles = await editor.locator('.squiggly-error').count();
    log(`editor shows ${squiggles} error squiggle(s) (${since()})`);

    // 4. Problems panel.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    try {
      await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      log('Ctrl+Shift+M did not show the Problems panel: using the command palette');
      await page.keyboard.press('F1');
      await page.keyboard.type('Problems: Focus on Problems View');
      await page.keyboard.press('Enter');
      await rows.first().waitFor({ state: 'visible' });
    }
    const labels = await lib.withTimeout(
      (async () => {
        for (;;) {
          const all = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
          if (all.some((l) => l.includes('措置「公表」'))) return all;
          await lib.sleep(200);
        }
      })(),
      STEP_MS,
      'a Problems row about 措置「公表」',
    );
    for (const l of labels) log(`problems row: ${l}`);
    const hit = labels.find((l) => l.includes('措置「公表」は「表示」'));
    if (!hit) throw new Error(`no Problems row with the Japanese message 措置「公表」は「表示」…: ${JSON.stringify(labels)}`);
    if (!/measure-invalid/.test(hit) && !/shitei/.test(hit)) log('note: the row does not name the rule or source');

    // The status bar item of the extension (its language client is up).
    await page.locator('.statusbar-item', { hasText: 'shitei' }).first().waitFor({ state: 'visible' });

    // Hover the squiggle so that the screenshot shows the message beside the text too (best effort).
    try {
      const box = await editor.locator('.squiggly-error').first().boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4, { steps: 4 });
        await page.locator('.monaco-hover', { hasText: '措置' }).first().waitFor({ state: 'visible', timeout: 5_000 });
        await lib.sleep(600); // the hover fades in
      }
    } catch {
      lib.debug('no hover shown');
    }

    // 5. Screenshot.
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    log(`screenshot ${path.relative(process.cwd(), shot) || shot} (${since()})`);

    await page.mouse.move(5, 5);
    await extraChecks(page, editor, { since, shotDir: path.dirname(shot) });
  };

  /** The checks of issue 10 (doubled problems, 別表 search, rule pages, status item, register), with screenshots. */
  async function extraChecks(page, editor, { since, shotDir }) {
    const rows = page.locator('.markers-panel .monaco-list-row');
    const problemRows = async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''))).filter((l) => l.includes('措置「公表」'));
    const palette = async (command) => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${command}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first();
      await row.waitFor({ state: 'visible' });
      await row.click();
    };

    // a. The task "check the workspace" leaves each problem once in the Problems panel.
    assert1((await problemRows()).length === 1, `one Problems row before the task: ${JSON.stringify(await problemRows())}`);
    await palette('Tasks: Run Task');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'shitei' }).first();
    await pick.waitFor({ state: 'visible' });
    await pick.click();
    const taskRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ワークスペースを検査' }).first();
    await taskRow.waitFor({ state: 'visible' });
    await taskRow.click();
    await page.locator('.terminal-wrapper, .xterm').first().waitFor({ state: 'attached' });
    await lib.sleep(6000); // the CLI run (≈ 2 s with the dictionary) and its output
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+M');
    await rows.first().waitFor({ state: 'visible' });
    await lib.sleep(500);
    const after = await problemRows();
    assert1(after.length === 1, `the task doubled the problem: ${JSON.stringify(after)}`);
    log(`a. after the task the Problems panel lists the problem once (${since()})`);

    // b. The code link in the Problems panel opens the rendered rule page.
    const codeLink = page.locator('.markers-panel .monaco-list-row .monaco-link', { hasText: 'measure-invalid' }).first();
    await codeLink.waitFor({ state: 'visible' });
    await codeLink.click();
    await page.locator('.tab', { hasText: 'measure-invalid' }).first().waitFor({ state: 'visible' });
    const rendered = await lib.withTimeout((async () => {
      for (;;) {
        for (const f of page.frames()) {
          const h1 = await f.locator('h1').first().textContent({ timeout: 200 }).catch(() => null);
          if (h1 && h1.includes('measure-invalid')) return true;
        }
        await lib.sleep(200);
      }
    })(), STEP_MS, 'the rendered rule page');
    assert1(rendered, 'the rule page is rendered');
    assert1(!(await page.locator('.tab', { hasText: 'measure-invalid.md' }).count()), 'the Markdown source was opened');
    await lib.sleep(500);
    await page.screenshot({ path: path.join(shotDir, 'vscode-rule-page.png') });
    log(`b. the code link opened the rendered rule page (${since()})`);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+W'); // close all editors
    await lib.sleep(300);

    // c. 別表 completion searched by 演習: the item with its text on the row.
    const sheetRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'valid.shitei' }).first();
    await sheetRow.click();
    await page.locator('.tab.active', { hasText: 'valid.shitei' }).waitFor({ state: 'visible' });
    const ed = page.locator('.editor-instance .monaco-editor').first();
    await ed.locator('.view-lines').click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    for (let i = 0; i < '別表第1号イa(a)'.length; i++) await page.keyboard.press('Backspace');
    // The whole list first: ranked by the description, each row with its text (for the README).
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ state: 'visible' });
    await lib.sleep(800);
    const full = await page.locator('.suggest-widget').boundingBox();
    const fullEd = await ed.boundingBox();
    if (full && fullEd) await page.screenshot({ path: path.join(shotDir, 'vscode-completion-list.png'), clip: { x: fullEd.x, y: Math.max(0, full.y - 150), width: Math.min(1000, full.x + full.width + 40 - fullEd.x), height: full.height + 170 } });
    const top = await page.locator('.suggest-widget .monaco-list-row').first().textContent();
    assert1(/別表第1号イa\(a\)/.test(top || ''), `the description ranks 別表第1号イa(a) first: ${top}`);
    await page.keyboard.press('Escape');
    await page.keyboard.type('演習');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget .monaco-list-row');
    await suggest.first().waitFor({ state: 'visible' });
    await lib.sleep(800);
    const suggestions = await suggest.evaluateAll((els) => els.map((e) => e.textContent || ''));
    log(`c. 演習 → ${suggestions.length} suggestion(s): ${suggestions.slice(0, 4).join(' | ')}`);
    assert1(suggestions.some((l) => l.includes('別表第1号イa(a)') && l.includes('自衛隊の訓練又は演習')), `演習 finds 別表第1号イa(a) with its text: ${JSON.stringify(suggestions)}`);
    assert1(suggestions.filter((l) => /別表第\d号/.test(l)).length < 10, 'the search narrows the list');
    const widget = await page.locator('.suggest-widget').boundingBox();
    const edBox = await ed.boundingBox();
    if (widget && edBox) {
      const x = Math.max(0, edBox.x);
      const y = Math.max(0, widget.y - 200);
      await page.screenshot({ path: path.join(shotDir, 'vscode-completion.png'), clip: { x, y, width: Math.min(1000, widget.x + widget.width + 40 - x), height: widget.height + 240 } });
    }
    await page.keyboard.press('Escape');
    // Back to the sheet as it was (the workbench may have saved the edit already).
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('別表第1号イa(a)');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    await page.locator('.view-line', { hasText: '別表：別表第1号イa(a)' }).first().waitFor({ state: 'visible' });

    // d. The status item: on sheets only.
    const item = page.locator('.statusbar-item', { hasText: /^\s*shitei\s*$/ }).first();
    await item.waitFor({ state: 'visible' });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '.shiteirc.json' }).first().click();
    await page.locator('.tab.active', { hasText: '.shiteirc.json' }).waitFor({ state: 'visible' });
    await item.waitFor({ state: 'hidden' });
    log(`d. the status item shows on sheets only (${since()})`);

    // e. The register: flags, normalized dates, linked file names.
    await palette('特定秘密指定管理簿を表示');
    await page.locator('.tab', { hasText: '特定秘密指定管理簿' }).first().waitFor({ state: 'visible' });
    await lib.sleep(1500);
    await page.screenshot({ path: path.join(shotDir, 'vscode-register.png') });
    log(`e. the register view (${since()})`);
  }

  function installedPackage(root) {
    return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  }

  function assert1(ok, message) {
    if (!ok) throw new Error(message);
  }

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`time-out after ${TOTAL_MS} ms`)), TOTAL_MS);
  });
  try {
    await Promise.race([run(), timeout]);
    log(`ok (${since()})`);
    return 0;
  } catch (e) {
    log('FAILED:', e && e.stack ? e.stack : String(e));
    if (browser) {
      const failShot = shot.replace(/\.png$/, '-failure.png');
      try {
        fs.mkdirSync(path.dirname(failShot), { recursive: true });
        await lib.withTimeout(browser.page.screenshot({ path: failShot }), 10_000, 'screenshot');
        log('screenshot of the failure:', failShot);
      } catch {}
    }
    if (server && !lib.DEBUG) log('code-server output (tail):\n' + server.output().split('\n').slice(-30).join('\n'));
    return 1;
  } finally {
    clearTimeout(timer);
    await lib.withTimeout(cleanup(), 15_000, 'cleanup').catch((e) => log(e.message));
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log('fatal:', e && e.stack ? e.stack : String(e));
    process.exit(1);
  },
);
