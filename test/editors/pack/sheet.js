'use strict';
// The sheet the installed-package editor tests open: a wrong 満了日 (structural, safe quick fix)
// and 等 in the description (scope-vague: needs kuromoji's tokens, so the shipped dictionary).
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./install');

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples/rules/expiry-mismatch.shitei'), 'utf8');
const SHEET = SAMPLE.replace(/(【対象情報の記述】\r?\n)(.*)/, (m, h, line) => `${h}${line.replace(/。?$/, '')}等`);
const WRONG = '満了日：令和10年4月1日';
const RIGHT = '満了日：令和10年3月31日';
if (!SHEET.includes(WRONG) || !SHEET.includes('等')) throw new Error('samples/rules/expiry-mismatch.shitei changed: update test/editors/pack/sheet.js');

/** Writes the sheet and a config (fixed `today`) into the drafts project; returns the sheet's path. */
function writeSheet(project) {
  fs.mkdirSync(path.join(project, 'drafts'), { recursive: true });
  fs.writeFileSync(path.join(project, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }) + '\n');
  const file = path.join(project, 'drafts', 'sheet.shitei');
  fs.writeFileSync(file, SHEET);
  return file;
}

module.exports = { SHEET, WRONG, RIGHT, writeSheet };
