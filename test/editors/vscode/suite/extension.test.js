'use strict';
/*
 * The shitei extension in a real VS Code (desktop, or the code-server workbench): real extension host,
 * real `vscode` API, the bundled dist/extension.js + dist/server.js + dist/dict-prepared/.
 *
 * The workspace (made by runTest.js) holds only .shiteirc.json ({"today":"2026-11-23"}) at start-up,
 * so that `workspaceContains:**\/*.shitei` does not activate the extension before the first test: the
 * sheets are written by the tests, from fixtures/valid.shitei.
 * Tests run in order and share state (documents opened by earlier tests).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'shitei.shitei';
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const VALID = fs.readFileSync(path.join(FIXTURES, 'valid.shitei'), 'utf8');

// Variants of the valid sheet. Each has its own 整理番号 and 対象情報, so that the workspace rules
// (serial-duplicate, series-inconsistent) stay quiet and each file shows only what it is for.
const BAD = VALID.replace('措置：表示', '措置：公表')
  .replace('防衛-2026-0012', '防衛-2026-0013')
  .replace('統合演習の計画(', '統合演習の実施要領(')
  .replace(/統合演習計画\n?$/, '統合演習実施要領\n');
const TOKENS = VALID.replace('防衛-2026-0012', '防衛-2026-0014')
  .replace('統合演習の計画(', '統合演習の計画等(')
  .replace(/統合演習計画\n?$/, '統合演習計画その他\n');

const state = {};

function ext() {
  const e = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(e, `extension ${EXTENSION_ID} is not loaded (is --extensionDevelopmentPath the repository root?)`);
  return e;
}

function workspaceUri(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; throws with `what` (and the last value) otherwise. */
async function waitFor(probe, what, timeoutMs = 20_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}${describe(last)}`);
    await sleep(everyMs);
  }
}

function describe(v) {
  return v === undefined || v === false || v === null ? '' : ` (last: ${JSON.stringify(v)})`;
}

const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const diagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shitei');
const summary = (uri) => diagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`);

async function open(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** PIDs of node processes running <extension>/dist/server.js (Linux only: reads /proc). */
function serverPids(extensionPath) {
  const wanted = path.join(extensionPath, 'dist', 'server.js');
  const pids = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (argv.includes(wanted)) pids.push(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

const api = () => ext().exports;
const labelOf = (i) => (typeof i.label === 'string' ? i.label : i.label.label);

/** Shift_JIS bytes of `text`, from the runtime's own decoder (Node decodes Shift_JIS but cannot encode it). */
function encodeShiftJis(text) {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`no Shift_JIS code for ${ch}`);
  }
  return Uint8Array.from(out);
}

/** The lines of the "shitei" output channel, read from its log file (the channel is a LogOutputChannel). */
function outputLog() {
  const logs = path.dirname(path.dirname(api().logUri().fsPath)); // <window>/exthost/<extension> → <window>
  const found = [];
  const walk = (dir, depth) => {
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && depth < 3) walk(path.join(dir, e.name), depth + 1);
      else if (/^(\d+-)?shitei\.log$/.test(e.name)) found.push(path.join(dir, e.name));
    }
  };
  walk(logs, 0);
  return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

function listing(dir, depth = 0) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() && depth < 3 ? `${e.name}/[${listing(path.join(dir, e.name), depth + 1)}]` : e.name)).join(', ');
  } catch (e) {
    return String(e.code);
  }
}

function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

module.exports = [
  {
    name: 'the extension comes from the repository, bundled, and is not active before a .shitei file is opened',
    bail: true,
    fn: async () => {
      const e = ext();
      assert.equal(e.packageJSON.main, './dist/extension.js');
      for (const f of ['dist/extension.js', 'dist/server.js', 'dist/dict-prepared/manifest.json']) {
        assert.ok(fs.existsSync(path.join(e.extensionPath, f)), `${f} is missing: run \`npm run bundle\` first`);
      }
      assert.equal(e.isActive, false, 'the extension is already active (does the workspace contain a .shitei file?)');
      assert.ok(!e.packageJSON.activationEvents.includes('onCommand:workbench.action.tasks.runTask'), 'running any task must not activate shitei');
      // Listing the tasks of another type (what running one does) leaves shitei asleep.
      await vscode.tasks.fetchTasks({ type: 'shell' });
      await sleep(300);
      assert.equal(e.isActive, false, 'fetching shell tasks activated shitei');
      assert.match(vscode.env.language, /^ja/, `VS Code's display language is "${vscode.env.language}", not ja (runTest.js passes --locale=ja)`);
    },
  },
  {
    name: 'opening a .shitei file activates the extension',
    bail: true,
    fn: async () => {
      state.valid = workspaceUri('valid.shitei');
      state.bad = workspaceUri('bad.shitei');
      state.tokens = workspaceUri('tokens.shitei');
      const enc = new TextEncoder();
      await vscode.workspace.fs.writeFile(state.valid, enc.encode(VALID));
      await vscode.workspace.fs.writeFile(state.bad, enc.encode(BAD));
      await vscode.workspace.fs.writeFile(state.tokens, enc.encode(TOKENS));
      const { doc } = await open(state.bad);
      assert.equal(doc.languageId, 'shitei');
      await waitFor(() => ext().isActive, 'the extension to activate');
    },
  },
  {
    name: 'the language server that runs is the bundled dist/server.js',
    fn: async () => {
      if (process.platform !== 'linux') return console.log('  (skipped: reads /proc)');
      state.pids = await waitFor(() => {
        const p = serverPids(ext().extensionPath);
        return p.length ? p : undefined;
      }, 'a process running dist/server.js');
      assert.equal(state.pids.length, 1, `one server, found ${state.pids.length}`);
    },
  },
  {
    name: '措置：公表 → measure-invalid (error) with the Japanese message, on the value',
    fn: async () => {
      const d = await waitFor(() => diagnostics(state.bad).find((x) => codeOf(x) === 'measure-invalid'), 'measure-invalid on bad.shitei');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.source, 'shitei');
      assert.match(d.message, /^措置「公表」は「表示」\(法第3条第2項第1号\)又は「通知」\(同第2号\)のいずれかです/);
      const doc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === state.bad.toString());
      assert.equal(d.range.start.line, 7);
      assert.equal(doc.getText(d.range), '公表');
      assert.deepEqual(diagnostics(state.bad).map(codeOf), ['measure-invalid'], `only measure-invalid: ${summary(state.bad).join('; ')}`);
      state.measure = d;
    },
  },
  {
    name: 'token-based rules run with the bundled kuromoji dictionary: 「等」 → scope-vague (information)',
    timeout: 45_000,
    fn: async () => {
      await open(state.tokens);
      const d = await waitFor(() => diagnostics(state.tokens).find((x) => codeOf(x) === 'scope-vague'), 'scope-vague on tokens.shitei (needs dist/dict-prepared)', 40_000);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.match(d.message, /「等」は指定の範囲を曖昧にします/);
      assert.equal(d.range.start.line, 11);
    },
  },
  {
    name: 'quick fix 「表示」にする applies through executeCodeActionProvider + applyEdit, and the diagnostic goes away',
    fn: async () => {
      assert.ok(state.measure, 'needs the measure-invalid diagnostic of an earlier test');
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', state.bad, state.measure.range);
      const titles = (actions || []).map((a) => a.title);
      for (const t of ['「表示」にする', '「通知」にする', 'measure-invalid をこの行で無効にする', 'measure-invalid をこのファイルで無効にする']) {
        assert.ok(titles.includes(t), `code action "${t}" in ${JSON.stringify(titles)}`);
      }
      const fix = actions.find((a) => a.title === '「表示」にする');
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind && fix.kind.value}`);
      assert.ok(fix.edit, 'the quick fix carries a WorkspaceEdit');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit');
      const doc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === state.bad.toString());
      assert.equal(doc.lineAt(7).text, '措置：表示');
      await waitFor(() => !diagnostics(state.bad).some((x) => codeOf(x) === 'measure-invalid'), 'measure-invalid to go away', 20_000);
      assert.deepEqual(summary(state.bad), []);
      await doc.save();
    },
  },
  {
    name: 'typing updates diagnostics (incremental sync), and the valid sheet is clean',
    fn: async () => {
      const { doc, editor } = await open(state.valid);
      const line = doc.lineAt(7);
      assert.equal(line.text, '措置：表示');
      const value = new vscode.Range(7, 3, 7, 5);
      assert.ok(await editor.edit((b) => b.replace(value, '標記')));
      await waitFor(() => diagnostics(state.valid).some((x) => codeOf(x) === 'measure-invalid'), 'measure-invalid after typing 標記');
      assert.ok(await editor.edit((b) => b.replace(value, '表示')));
      await waitFor(() => diagnostics(state.valid).length === 0, 'no diagnostics on the valid sheet', 20_000);
      assert.equal(doc.getText(), VALID);
    },
  },
  {
    name: 'hover on the 別表 value shows the legal text of 別表第1号イa(a)',
    fn: async () => {
      const doc = await vscode.workspace.openTextDocument(state.valid);
      const line = doc.lineAt(6).text;
      assert.equal(line, '別表：別表第1号イa(a)');
      const pos = new vscode.Position(6, line.indexOf('イ'));
      const text = await waitFor(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', state.valid, pos)), 'a hover on 別表');
      assert.match(text, /別表第1号\(防衛に関する事項\)/);
      assert.match(text, /自衛隊の運用又はこれに関する見積り/);
      assert.match(text, /自衛隊の訓練又は演習/);
    },
  },
  {
    name: 'hover on a field name is Japanese in Japanese mode (no "measure", 別名 listed)',
    fn: async () => {
      const doc = await vscode.workspace.openTextDocument(state.valid);
      assert.equal(doc.lineAt(7).text, '措置：表示');
      const text = await waitFor(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', state.valid, new vscode.Position(7, 0))), 'a hover on 措置');
      assert.match(text, /\*\*措置\*\* — 講ずる措置\(表示又は通知/);
      assert.match(text, /別名: 講ずる措置/);
      assert.doesNotMatch(text, /measure|aliases/);
    },
  },
  {
    name: 'completion: 別表 items carry their text (label details) and a filter text for 演習/暗号/第2号; headings only missing ones; 満了日 the computed expiry',
    fn: async () => {
      const text = VALID.replace('別表：別表第1号イa(a)', '別表：').replace('満了日：令和10年3月31日', '満了日：');
      const doc = await vscode.workspace.openTextDocument({ language: 'shitei', content: `${text}\n【` });
      await vscode.window.showTextDocument(doc, { preview: false });
      const complete = async (line, character) => (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character))).items;
      const beppyoLine = text.split('\n').findIndex((l) => l === '別表：');
      const refs = await waitFor(async () => {
        const items = await complete(beppyoLine, 3);
        return items.length > 50 ? items : undefined;
      }, '別表 completions');
      const drill = refs.find((i) => labelOf(i) === '別表第1号イa(a)');
      assert.equal(drill.label.detail.trim(), '自衛隊の訓練又は演習', 'the item text on its row');
      assert.match(drill.filterText, /演習/);
      assert.match(drill.filterText, / 第1号イa\(a\) 1号イa\(a\)/);
      assert.ok(refs.filter((i) => / 2号/.test(i.filterText)).every((i) => labelOf(i).startsWith('別表第2号')));
      assert.ok(refs.some((i) => /暗号/.test(i.filterText)), 'an item found by 暗号');
      // Ranked by the description (統合演習の計画 → 1号イa(a) first) and preselected.
      const sorted = [...refs].sort((a, b) => (a.sortText || '').localeCompare(b.sortText || ''));
      assert.equal(labelOf(sorted[0]), '別表第1号イa(a)');
      assert.equal(sorted[0].preselect, true);
      assert.match(sorted[0].label.description, /^記述と共通: /);
      // Headings: the sheet has all three required sections.
      const headings = (await complete(doc.lineCount - 1, 1)).map(labelOf);
      assert.ok(!headings.includes('対象情報の記述') && !headings.includes('概要'), JSON.stringify(headings));
      assert.ok(headings.includes('解除の条件') && headings.includes('備考'), JSON.stringify(headings));
      // 満了日: the expiry computed from 指定年月日 and 有効期間 first, then today.
      const expiryLine = text.split('\n').findIndex((l) => l === '満了日：');
      const dates = (await complete(expiryLine, 4)).sort((a, b) => (a.sortText || '').localeCompare(b.sortText || ''));
      assert.deepEqual(dates.map(labelOf).slice(0, 1), ['令和10年3月31日']);
      assert.equal(dates[0].label.description, '有効期間から計算した満了日');
      // 有効期間: 1年–5年.
      const validityLine = text.split('\n').findIndex((l) => l.startsWith('有効期間：'));
      assert.deepEqual((await complete(validityLine, 5)).map(labelOf), ['1年', '2年', '3年', '4年', '5年']);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'a diagnostic\'s code link and shitei.showRuleDocumentation open the rendered, read-only rule page',
    fn: async () => {
      await open(state.bad);
      const { editor } = await open(state.bad);
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(7, 3, 7, 5), '公表')));
      const d = await waitFor(() => diagnostics(state.bad).find((x) => codeOf(x) === 'measure-invalid'), 'measure-invalid again');
      assert.equal(d.code.target.scheme, 'command', `code link ${d.code.target}`);
      assert.equal(d.code.target.path, 'shitei.showRuleDocumentation');
      const args = JSON.parse(decodeURIComponent(d.code.target.query));
      assert.deepEqual(args, ['measure-invalid']);
      // What a click on the link runs.
      await vscode.commands.executeCommand(d.code.target.path, ...args);
      const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((x) => x.input instanceof vscode.TabInputWebview && /shitei\.ruleDocumentation/.test(x.input.viewType)), 'the rule page webview');
      assert.match(tab.label, /measure-invalid/);
      const shown = api().lastDocumentation();
      assert.equal(shown.page, 'measure-invalid');
      assert.match(shown.html, /<h1[^>]*>measure-invalid<\/h1>/, 'rendered Markdown, not its source');
      assert.doesNotMatch(shown.html, /^# measure-invalid/m);
      assert.match(shown.html, /command:shitei\.showRuleDocumentation\?/, 'links between pages stay in the view');
      // No editor holds the Markdown source.
      assert.ok(!vscode.workspace.textDocuments.some((t) => t.uri.path.endsWith('/docs/rules/measure-invalid.md')), 'the .md source was opened');
      await vscode.window.tabGroups.close(tab);
      const again = await open(state.bad);
      assert.ok(await again.editor.edit((b) => b.replace(new vscode.Range(7, 3, 7, 5), '表示')));
      await again.doc.save();
      assert.equal(again.doc.lineAt(7).text, '措置：表示');
    },
  },
  {
    name: 'the status bar item shows on sheets only, and says ready (not checking) when idle',
    fn: async () => {
      await open(state.valid);
      await waitFor(() => api().status().visible, 'the status item on a sheet');
      const idle = await waitFor(() => {
        const s = api().status();
        return !s.busy && /準備完了/.test(s.tooltip) ? s : undefined;
      }, 'the status item to say ready', 30_000);
      assert.equal(idle.text, '$(check) shitei');
      // A click opens a menu (log, rules, register, restart), it does not restart the server by itself.
      assert.equal(idle.command, 'shitei.statusMenu');
      assert.ok((await vscode.commands.getCommands(true)).includes('shitei.statusMenu'));
      assert.doesNotMatch(idle.tooltip, /検査中/);
      const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a sheet' });
      await vscode.window.showTextDocument(other, { preview: false });
      await waitFor(() => !api().status().visible, 'the status item to hide on a plain text file');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(() => api().status().visible, 'the status item back on the sheet');
    },
  },
  {
    name: 'a Shift_JIS sheet opens decoded ([shitei] files.autoGuessEncoding) and is clean; a mis-decoded text gets encoding-suspect',
    fn: async () => {
      assert.equal(vscode.workspace.getConfiguration('files', { languageId: 'shitei' }).get('autoGuessEncoding'), true);
      const sjis = workspaceUri('sjis.shitei');
      const sheet = VALID.replace('防衛-2026-0012', '防衛-2026-0016').replace('統合演習の計画(', '統合演習の日程(').replace(/統合演習計画\n?$/, '統合演習日程\n');
      await vscode.workspace.fs.writeFile(sjis, encodeShiftJis(sheet));
      const { doc } = await open(sjis);
      assert.equal(doc.getText(), sheet, 'the Shift_JIS file is read as Shift_JIS');
      await sleep(500);
      await waitFor(() => diagnostics(sjis).length === 0, `no diagnostics on the Shift_JIS sheet: ${summary(sjis).join('; ')}`, 20_000);
      // What the reporter saw without guessing: the same bytes as UTF-8.
      const garbled = new TextDecoder('utf-8').decode(encodeShiftJis(sheet));
      const mojibake = await vscode.workspace.openTextDocument({ language: 'shitei', content: garbled });
      await vscode.window.showTextDocument(mojibake, { preview: false });
      const d = await waitFor(() => diagnostics(mojibake.uri).find((x) => codeOf(x) === 'encoding-suspect'), 'encoding-suspect on the mis-decoded text');
      assert.match(d.message, /別の文字コードで読み込まれている/);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(sjis);
    },
  },
  {
    name: 'completion after a typed 【 (auto-closed to 【】) offers 対象情報の記述; accepting it gives 【対象情報の記述】',
    fn: async () => {
      const header = VALID.slice(0, VALID.indexOf('【'));
      const doc = await vscode.workspace.openTextDocument({ language: 'shitei', content: header });
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const last = doc.lineCount - 1;
      editor.selection = new vscode.Selection(last, 0, last, 0);
      await vscode.commands.executeCommand('type', { text: '【' });
      const line = () => doc.lineAt(last).text;
      assert.equal(line(), '【】', 'the editor auto-closes 【 (language-configuration.json)');
      const pos = editor.selection.active;
      assert.equal(pos.character, 1);
      const label = (i) => (typeof i.label === 'string' ? i.label : i.label.label);
      const list = await waitFor(async () => {
        const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos, '【');
        return l && l.items.some((i) => label(i) === '対象情報の記述') ? l : undefined;
      }, 'a completion 対象情報の記述');
      const item = list.items.find((i) => label(i) === '対象情報の記述');
      const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText && item.insertText.value;
      assert.equal(insert, '対象情報の記述】');
      assert.equal(item.detail, '必須の節');
      const labels = list.items.map(label);
      for (const l of ['指定の理由', '概要']) assert.ok(labels.includes(l), `${l} in ${JSON.stringify(labels)}`);
      // Accept it as a person would: the suggest widget, first (preselected) entry.
      await waitFor(async () => {
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await sleep(300);
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        return line() !== '【】';
      }, 'the suggest widget to accept an entry', 15_000, 200);
      assert.equal(line(), '【対象情報の記述】');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'shitei.fixAll applies the safe fixes (満了日 off by a day, unclosed 【概要)',
    fn: async () => {
      // Another designation than the workspace's valid.shitei (same description: description-duplicate).
      const fixedText = VALID.replace('防衛-2026-0012', '防衛-2026-0015').replace('統合演習の計画(', '統合演習の準備(').replace(/統合演習計画\n?$/, '統合演習準備\n');
      const broken = fixedText.replace('満了日：令和10年3月31日', '満了日：令和10年4月1日').replace('【概要】', '【概要');
      const doc = await vscode.workspace.openTextDocument({ language: 'shitei', content: broken });
      await vscode.window.showTextDocument(doc, { preview: false });
      await waitFor(() => {
        const codes = diagnostics(doc.uri).map(codeOf);
        return codes.includes('expiry-mismatch') && codes.includes('heading-unclosed');
      }, 'expiry-mismatch and heading-unclosed', 20_000);
      await vscode.commands.executeCommand('shitei.fixAll');
      await waitFor(() => doc.getText() === fixedText, 'the fixed text', 10_000);
      await waitFor(() => diagnostics(doc.uri).length === 0, 'no diagnostics after fixAll', 20_000);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'shitei.newSheet opens an untitled sheet from the snippet',
    fn: async () => {
      await vscode.commands.executeCommand('shitei.newSheet');
      const editor = await waitFor(() => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.isUntitled && e.document.languageId === 'shitei' && e.document.getText().includes('整理番号') ? e : undefined;
      }, 'an untitled shitei editor with the snippet');
      for (const f of ['行政機関', '指定年月日', '有効期間', '別表', '措置', '【対象情報の記述】', '【指定の理由】']) {
        assert.ok(editor.document.getText().includes(f), `the new sheet has ${f}`);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'shitei.restartServer starts a new server, which checks again',
    fn: async () => {
      await vscode.commands.executeCommand('shitei.restartServer');
      if (process.platform === 'linux' && state.pids) {
        const fresh = await waitFor(() => {
          const p = serverPids(ext().extensionPath).filter((x) => !state.pids.includes(x));
          return p.length ? p : undefined;
        }, 'a new dist/server.js process');
        await waitFor(() => serverPids(ext().extensionPath).length === 1, 'the old server to exit');
        state.pids = fresh;
      }
      const { editor, doc } = await open(state.bad);
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(7, 3, 7, 5), '標記')));
      await waitFor(() => diagnostics(state.bad).some((x) => codeOf(x) === 'measure-invalid'), 'measure-invalid from the restarted server');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(doc.lineAt(7).text, '措置：表示');
    },
  },
  {
    name: 'the output channel logs lifecycle events (start, dictionary, restart) and never document text',
    fn: async () => {
      // A broken .shiteirc.json: the server's warning goes to the log too.
      const dir = workspaceUri('broken-config');
      fs.mkdirSync(dir.fsPath, { recursive: true });
      fs.writeFileSync(path.join(dir.fsPath, '.shiteirc.json'), '{ "rules": { "no-such-rule": "off" } }\n');
      const sheet = vscode.Uri.joinPath(dir, 'broken.shitei');
      fs.writeFileSync(sheet.fsPath, VALID.replace('防衛-2026-0012', '防衛-2026-0017').replace('統合演習の計画(', '統合演習の講評(').replace(/統合演習計画\n?$/, '統合演習講評\n'));
      await open(sheet);
      await waitFor(() => /設定ファイルに誤りがある|configuration file is broken/.test(outputLog()), 'the config warning in the log', 20_000);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir.fsPath, { recursive: true, force: true });
      const text = await waitFor(() => {
        const t = outputLog();
        return /restarting the language server/.test(t) && /dictionary loaded/.test(t) ? t : undefined;
      }, `the lifecycle lines in the shitei log (log folder ${api().logUri().fsPath}: ${listing(path.dirname(path.dirname(api().logUri().fsPath)))})`, 10_000);
      assert.match(text, /activated/);
      assert.match(text, /starting the language server/);
      for (const secret of ['統合演習', '防衛-2026', '措置：', '参加部隊']) assert.ok(!text.includes(secret), `the log holds document text (${secret})`);
    },
  },
  {
    name: 'the task "shitei: check the workspace" is provided, uses $shitei and fails on the bad sheet',
    fn: async () => {
      // A sheet with an error, on disk, for the CLI to find.
      const bad = workspaceUri('task-bad.shitei');
      fs.writeFileSync(bad.fsPath, BAD.replace('防衛-2026-0013', '防衛-2026-0099'));
      const tasks = await vscode.tasks.fetchTasks({ type: 'shitei' });
      assert.ok(tasks.length >= 1, 'a shitei task');
      const task = tasks[0];
      assert.equal(task.source, 'shitei');
      // The server already reports every sheet of the workspace: a matcher would double each problem.
      assert.deepEqual(task.problemMatchers, [], `problem matchers: ${task.problemMatchers}`);
      const matcher = ext().packageJSON.contributes.problemMatchers.find((m) => m.name === 'shitei');
      assert.notEqual(matcher.owner, 'shitei', 'the $shitei matcher must not share the language client\'s owner');
      const ended = new Promise((resolve) => {
        const sub = vscode.tasks.onDidEndTaskProcess((e) => {
          if (e.execution.task.source === 'shitei') {
            sub.dispose();
            resolve(e.exitCode);
          }
        });
      });
      await vscode.tasks.executeTask(task);
      const code = await Promise.race([ended, new Promise((r) => setTimeout(() => r('timeout'), 30_000))]);
      assert.equal(code, 1, 'the CLI exits 1: the workspace has a sheet with an error');
      // The problem is listed once, by the language server.
      await waitFor(() => diagnostics(bad).some((x) => codeOf(x) === 'measure-invalid'), 'the server to report task-bad.shitei', 20_000);
      await sleep(500);
      const all = vscode.languages.getDiagnostics(bad);
      assert.equal(all.filter((x) => codeOf(x) === 'measure-invalid').length, 1, `once: ${all.map((x) => `${x.source}:${codeOf(x)}`)}`);
      fs.rmSync(bad.fsPath);
    },
  },
  {
    name: 'shitei.showLedger shows the register of the workspace in a webview',
    fn: async () => {
      const flaggedSheet = workspaceUri('ledger-bad.shitei');
      fs.writeFileSync(flaggedSheet.fsPath, BAD.replace('防衛-2026-0013', '防衛-2026-0098').replace('統合演習の実施要領(', '統合演習の評価(').replace(/統合演習実施要領\n?$/, '統合演習評価\n'));
      await vscode.commands.executeCommand('shitei.showLedger');
      const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /shitei\.ledger/.test(t.input.viewType)), 'the register webview', 20_000);
      assert.match(tab.label, /特定秘密指定管理簿|Register/);
      const html = api().ledgerHtml();
      const link = /<a class="sheet" href="command:shitei\.openSheet\?([^"]+)"[^>]*data-path="valid\.shitei"/.exec(html);
      assert.ok(link, 'the file name is a link that opens the sheet');
      assert.match(html, /<tr class="has-errors" data-path="ledger-bad\.shitei">/, 'the sheet with an error is flagged');
      assert.doesNotMatch(html, /<tr class="has-errors" data-path="valid\.shitei">/);
      fs.rmSync(flaggedSheet.fsPath);
      assert.match(html, /<span class="norm">2026-04-01<\/span><span class="written">令和8年4月1日<\/span>/, 'normalized date and the written text');
      await vscode.window.tabGroups.close(tab);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('shitei.openSheet', ...JSON.parse(decodeURIComponent(link[1])));
      await waitFor(() => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.path.endsWith('/valid.shitei'), 'the sheet opened from the register');
    },
  },
  {
    name: 'shitei.showReport shows the yearly report of the workspace in a webview',
    fn: async () => {
      await vscode.commands.executeCommand('shitei.showReport', 2026);
      const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /shitei\.report/.test(t.input.viewType)), 'the report webview', 20_000);
      assert.match(tab.label, /特定秘密の指定の状況|Yearly report/);
      await vscode.window.tabGroups.close(tab);
    },
  },
  {
    name: 'shitei.exportWord writes the open sheet as FILE.docx beside it, with every value',
    fn: async () => {
      const sheet = workspaceUri('export-word.shitei');
      fs.writeFileSync(sheet.fsPath, VALID.replace('防衛-2026-0012', '防衛-2026-0031').replace('統合演習の計画(', '統合演習の評価(').replace(/統合演習計画\n?$/, '統合演習評価\n'));
      const docx = workspaceUri('export-word.docx');
      try {
        await open(sheet);
        const written = await vscode.commands.executeCommand('shitei.exportWord', undefined, { force: true });
        assert.equal(written && written.fsPath, docx.fsPath);
        const { readDocx } = require(path.join(ext().extensionPath, 'core/out/documents/docxRead.js'));
        const content = readDocx(fs.readFileSync(docx.fsPath));
        assert.equal(content.exportedByShitei, true);
        const table = content.blocks.find((b) => b.kind === 'table');
        assert.ok(table, 'the fields are a table');
        assert.deepEqual(table.rows[0], ['整理番号', '防衛-2026-0031']);
        assert.ok(content.blocks.some((b) => b.kind === 'paragraph' && b.text === '【対象情報の記述】'));

        // And back: "Import from Word…" opens the new sheet.
        const back = workspaceUri('export-word-back.shitei');
        const imported = await vscode.commands.executeCommand('shitei.importWord', docx, { out: back, force: true });
        assert.equal(imported && imported.fsPath, back.fsPath);
        const editor = await waitFor(() => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.fsPath === back.fsPath && vscode.window.activeTextEditor, 'the imported sheet in the editor');
        assert.match(editor.document.getText(), /^整理番号：防衛-2026-0031$/m);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        fs.rmSync(back.fsPath, { force: true });
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        fs.rmSync(sheet.fsPath, { force: true });
        fs.rmSync(docx.fsPath, { force: true });
      }
    },
  },
  {
    name: 'shitei.saveLedgerExcel saves the register of the workspace as a workbook',
    fn: async () => {
      const sheet = workspaceUri('ledger-excel.shitei');
      fs.writeFileSync(sheet.fsPath, VALID.replace('防衛-2026-0012', '防衛-2026-0032').replace('統合演習の計画(', '統合演習の記録(').replace(/統合演習計画\n?$/, '統合演習記録\n'));
      const out = vscode.Uri.file(path.join(require('node:os').tmpdir(), `shitei-register-${process.pid}.xlsx`));
      try {
        const written = await vscode.commands.executeCommand('shitei.saveLedgerExcel', { out });
        assert.equal(written && written.fsPath, out.fsPath);
        const { readXlsx } = require(path.join(ext().extensionPath, 'core/out/documents/xlsxRead.js'));
        const sheets = readXlsx(fs.readFileSync(out.fsPath));
        assert.equal(sheets[0].name, '管理簿');
        assert.ok(sheets[0].rows.some((r) => r[0] === '防衛-2026-0032'), 'the workspace sheet is a row');
      } finally {
        fs.rmSync(sheet.fsPath, { force: true });
        fs.rmSync(out.fsPath, { force: true });
      }
    },
  },
];
