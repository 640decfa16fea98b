#!/usr/bin/env node
// @ts-check
/**
 * Extracts the 別表 of 特定秘密保護法 and the 事項の細目 of 運用基準 II 1(1) from the reference
 * text into core/src/domain/beppyo/data.json. The JSON is committed so that the product works
 * without ../shared; rerun this script (and the catalog test) when the reference text changes.
 *
 * Usage: node scripts/extract-beppyo.js [SOURCE] [OUTPUT]
 *   SOURCE defaults to ../shared/reference/oversight-report-2015-with-law-excerpts.txt
 *   OUTPUT defaults to core/src/domain/beppyo/data.json; `-` writes to stdout.
 * Paths are relative to the repository root (the parent of this script's folder).
 */
// @ts-check
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_SOURCE = '../shared/reference/oversight-report-2015-with-law-excerpts.txt';
const DEFAULT_OUTPUT = 'core/src/domain/beppyo/data.json';

const KANA = 'イロハニホヘトチリヌ';
const KANJI_GOU = { 一: 1, 二: 2, 三: 3, 四: 4 };

// The reference text mixes half- and full-width brackets; fold only the ones the patterns
// below rely on so that the extracted text itself is kept as written.
function foldBrackets(s) {
  return s.replace(/（/g, '(').replace(/）/g, ')');
}

function fail(msg, lineNo) {
  throw new Error(`extract-beppyo: ${msg}${lineNo !== undefined ? ` (line ${lineNo + 1})` : ''}`);
}

/** The law's 別表: `別表(第3条、…関係)`, then `一 防衛に関する事項` and `  • イ …` lines. */
function parseLawTable(lines) {
  const start = lines.findIndex((l) => /^別表[(（]第3条/.test(l));
  if (start < 0) fail('law 別表 heading not found');
  const gous = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = foldBrackets(lines[i]);
    if (line.trim() === '') {
      if (gous.length > 0) break; // the table ends at the first blank line after it began
      continue;
    }
    let m = /^([一二三四]) (.+)$/.exec(line);
    if (m) {
      gous.push({ number: KANJI_GOU[m[1]], lawTitle: m[2].trim(), items: [] });
      continue;
    }
    m = /^ {2}• ([イロハニホヘトチリヌ]) (.+)$/.exec(line);
    if (m && gous.length > 0) {
      gous[gous.length - 1].items.push({ kana: m[1], lawText: m[2].trim() });
      continue;
    }
    break; // anything else (e.g. the next enactment's `○…`) ends the table
  }
  return gous;
}

/** 運用基準 II 1(1): `【別表第N号(title)】`, item headings `イ …`, 細目 `  • a …`, sub-items `    • (a) …`. */
function parseKijun(lines) {
  const start = lines.findIndex((l) => /^\(1\) 別表該当性/.test(foldBrackets(l)));
  if (start < 0) fail('運用基準 II 1(1) 別表該当性 not found');
  const gous = [];
  let item = null;
  let saimoku = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = foldBrackets(lines[i]);
    if (/^\(2\) /.test(line)) break; // (2) 非公知性 begins
    let m = /^【別表第([1-4])号\((.+)\)】\s*$/.exec(line);
    if (m) {
      gous.push({ number: Number(m[1]), title: m[2], kijunHeading: line.trim().replace(/^【|】$/g, ''), items: [] });
      item = null;
      saimoku = null;
      continue;
    }
    if (gous.length === 0) continue; // the introductory paragraph
    const gou = gous[gous.length - 1];
    m = /^([イロハニホヘトチリヌ]) (.+)$/.exec(line);
    if (m) {
      item = { kana: m[1], kijunHeading: m[2].trim(), saimoku: [] };
      gou.items.push(item);
      saimoku = null;
      continue;
    }
    m = /^ {4}• \(([a-z])\) (.+)$/.exec(line);
    if (m) {
      if (!saimoku || saimoku.letter === null) fail('sub-item outside a lettered 細目', i);
      saimoku.subItems.push({ letter: m[1], text: m[2].trim() });
      continue;
    }
    // A lettered 細目 is `a` + blank; an unlettered one may itself begin with a kana and a
    // letter (`ロaからcまでに…`), which the required blank after the letter tells apart.
    m = /^ {2}• (?:([a-z]) )?(.+)$/.exec(line);
    if (m) {
      if (!item) fail('細目 outside an item', i);
      saimoku = { letter: m[1] === undefined ? null : m[1], text: m[2].trim(), subItems: [] };
      item.saimoku.push(saimoku);
      continue;
    }
    if (line.trim() === '') continue;
    fail(`unexpected line in 運用基準 II 1(1): ${line}`, i);
  }
  return gous;
}

function checkLetters(list, what) {
  list.forEach((x, i) => {
    const want = String.fromCharCode(0x61 + i);
    if (x.letter !== want) fail(`${what}: expected letter ${want}, found ${x.letter}`);
  });
}

function extract(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const law = parseLawTable(lines);
  const kijun = parseKijun(lines);
  if (law.length !== 4) fail(`law 別表 has ${law.length} 号, expected 4`);
  if (kijun.length !== 4) fail(`運用基準 has ${kijun.length} 号, expected 4`);
  const gou = law.map((lg, gi) => {
    const kg = kijun[gi];
    if (lg.number !== gi + 1 || kg.number !== gi + 1) fail(`号 ${gi + 1} out of order`);
    if (lg.items.length !== kg.items.length) fail(`第${gi + 1}号: law has ${lg.items.length} items, 運用基準 ${kg.items.length}`);
    return {
      number: lg.number,
      title: kg.title,
      lawTitle: lg.lawTitle,
      kijunHeading: kg.kijunHeading,
      items: lg.items.map((li, ii) => {
        const ki = kg.items[ii];
        if (li.kana !== KANA[ii] || ki.kana !== KANA[ii]) fail(`第${gi + 1}号: item ${ii + 1} is not ${KANA[ii]}`);
        if (ki.saimoku.length === 0) fail(`第${gi + 1}号${li.kana}: no 細目`);
        const lettered = ki.saimoku.filter((s) => s.letter !== null);
        if (lettered.length > 0 && lettered.length !== ki.saimoku.length) fail(`第${gi + 1}号${li.kana}: mixed 細目`);
        if (lettered.length === 0 && ki.saimoku.length !== 1) fail(`第${gi + 1}号${li.kana}: several unlettered 細目`);
        checkLetters(lettered, `第${gi + 1}号${li.kana}`);
        for (const s of lettered) checkLetters(s.subItems, `第${gi + 1}号${li.kana}${s.letter}`);
        return { gou: lg.number, kana: li.kana, lawText: li.lawText, kijunHeading: ki.kijunHeading, saimoku: ki.saimoku };
      }),
    };
  });
  return {
    source: 'oversight-report-2015-with-law-excerpts.txt: 特定秘密保護法 別表; 運用基準 II 1(1)',
    gou,
  };
}

/** Pretty-printed with a final newline, so that the committed file and a fresh run compare byte for byte. */
function render(data) {
  return JSON.stringify(data, null, 2) + '\n';
}

function main(argv) {
  const source = path.resolve(ROOT, argv[0] || DEFAULT_SOURCE);
  const output = argv[1] || DEFAULT_OUTPUT;
  const json = render(extract(fs.readFileSync(source, 'utf8')));
  if (output === '-') process.stdout.write(json);
  else fs.writeFileSync(path.resolve(ROOT, output), json);
}

module.exports = { extract, render };

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
