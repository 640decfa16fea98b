/**
 * Held-out acceptance of the v1.1 rules (issue 11), through `shitei check --format json` as CI runs it.
 * Every expectation below is derived from spec/rules.md and spec/format.md "v1.1 additions" (quoted in `why`);
 * the sheets are in test/fixtures/acceptance/rules/, whose .shiteirc.json fixes today = 2026-11-30.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { checkFolder, describeDiagnostics, FIXTURES, lineWith, type JsonDiagnostic } from './support';

const FOLDER = 'rules';

/** Default severities (rules.md v1.1 tables; release-condition-missing from v1). */
const SEVERITY: Record<string, string> = {
  'extension-decided-late': 'error',
  'extension-reason-missing': 'warning',
  'review-overdue': 'warning',
  'lifecycle-date-invalid': 'error',
  'release-reason-missing': 'warning',
  'summary-period-unscoped': 'warning',
  'summary-period-mismatch': 'warning',
  'beppyo-overlap': 'warning',
  'measure-notice-unjustified': 'info',
  'conjunction-level': 'info',
  'conjunction-kana': 'info',
  'release-condition-missing': 'warning',
  'expired': 'warning',
  'expiry-soon': 'info',
  'date-invalid': 'error',
};

const V11 = ['extension-decided-late', 'extension-reason-missing', 'review-overdue', 'lifecycle-date-invalid', 'release-reason-missing',
  'summary-period-unscoped', 'summary-period-mismatch', 'beppyo-overlap', 'measure-notice-unjustified', 'conjunction-level', 'conjunction-kana'];

interface Fires {
  code: string;
  /** Text of the line the diagnostic starts on (omit where the spec fixes no position). */
  at?: string;
  /** Exact number of diagnostics with this code in the file (default: at least one). */
  count?: number;
  /** Text on that line the diagnostic's range must cover, within the parentheses ("points at the decision date"). */
  covers?: string;
}

interface Case {
  file: string;
  why: string;
  fires?: Fires[];
  silent?: string[];
  /** The only diagnostic(s) starting on the line with this text. */
  aloneOnLine?: { at: string; count: number };
  todo?: string;
}

const LIFE_SILENT = ['expired', 'review-overdue', 'lifecycle-date-invalid', 'date-invalid', 'field-unknown', 'section-unknown', 'validity-invalid'];

const CASES: Case[] = [
  // ---- extension-decided-late ----
  { file: 'ext-late', why: 'a 延長\'s decision date is after the expiry it extends (満了 令和5年3月31日, decided 令和5年4月1日); the sheet is lapsed (expiry before today, the late 延長 does not count)',
    fires: [{ code: 'extension-decided-late', at: '延長：', count: 1, covers: '令和5年4月1日' }, { code: 'expired' }], silent: ['review-overdue', 'lifecycle-date-invalid', 'extension-reason-missing', 'field-unknown', 'section-unknown'] },
  { file: 'ext-on-expiry', why: 'decided "not later than the expiry it extends": a decision on the expiry day itself is on time; the sheet stays in force',
    silent: ['extension-decided-late', 'extension-reason-missing', ...LIFE_SILENT] },
  { file: 'ext-fullwidth', why: '`５年（令和13年3月25日決定）` is an accepted 延長 form: full-width digits and parentheses, 決定',
    silent: ['extension-decided-late', 'extension-reason-missing', ...LIFE_SILENT], aloneOnLine: { at: '延長：', count: 0 } },
  { file: 'ext-second-late', why: 'the second 延長 extends the first one\'s expiry (令和6年3月31日) and is decided 令和6年4月2日: late; the first is on time. The sheet lapsed on 令和6年3月31日',
    fires: [{ code: 'extension-decided-late', at: '延長：3年', count: 1 }, { code: 'expired' }], silent: ['review-overdue'] },
  { file: 'ext-nondate', why: 'issue 11 "Bad input": a 延長 whose parentheses hold something other than a date keeps working as a period (the sheet is in force to 令和12年3月31日, not lapsed) and gets one clear diagnostic',
    aloneOnLine: { at: '延長：', count: 1 }, silent: ['expired', 'extension-decided-late', 'review-overdue', 'validity-invalid'] },
  // ---- extension-reason-missing ----
  { file: 'ext-reason-missing', why: 'a 延長 and no 【延長の理由】: reported on the first 延長 line', fires: [{ code: 'extension-reason-missing', at: '延長：', count: 1 }] },
  { file: 'ext-reason-empty', why: 'an empty 【延長の理由】: reported on its heading', fires: [{ code: 'extension-reason-missing', at: '【延長の理由】', count: 1 }], silent: ['section-unknown', 'lifecycle-date-invalid'] },
  { file: 'ext-alias', why: '有効期間の延長 is an alias of 延長', fires: [{ code: 'extension-reason-missing', at: '有効期間の延長：', count: 1 }], silent: ['field-unknown'] },
  { file: 'ext-with-reason', why: 'a 延長 with a non-empty 【延長の理由】', silent: ['extension-reason-missing', 'extension-decided-late', ...LIFE_SILENT] },
  // ---- review-overdue (today 2026-11-30 from .shiteirc.json) ----
  { file: 'review-365', why: '`today` − date ≤ 365: a 点検 on 2025-11-30 is exactly 365 days before today', silent: ['review-overdue', 'field-unknown'] },
  { file: 'review-366', why: 'a 点検 on 2025-11-29 is 366 days before today and nothing later', fires: [{ code: 'review-overdue', count: 1 }] },
  { file: 'review-none', why: 'in force, designated 令和5年4月1日, never reviewed', fires: [{ code: 'review-overdue', count: 1 }] },
  { file: 'review-order', why: '"any 点検" counts, whatever its order; 指定の理由の点検 is an alias and 点検 is repeatable', silent: ['review-overdue', 'field-unknown', 'field-duplicate'] },
  { file: 'review-by-decision', why: 'the latest 延長 decision date (令和8年3月20日) is within 365 days', silent: ['review-overdue', 'expired', 'extension-decided-late'] },
  { file: 'review-by-effect', why: 'a 延長 without a decision date counts from the day it takes effect (令和8年4月1日)', silent: ['review-overdue', 'expired'] },
  { file: 'review-old-decision', why: 'in force through a 延長 decided 令和5年3月1日, no 点検 since: overdue', fires: [{ code: 'review-overdue', count: 1 }], silent: ['expired', 'extension-decided-late'] },
  { file: 'review-future', why: '"within the 365 days up to today or after it": a 点検 dated after today counts', silent: ['review-overdue'] },
  { file: 'lapsed', why: 'a lapsed sheet is not in force: `expired` (now "lapsed"), no review-overdue', fires: [{ code: 'expired' }], silent: ['review-overdue'] },
  // ---- released sheets ----
  { file: 'released-old', why: 'A released sheet gets none of expiry-soon, expired, review-overdue', silent: ['expired', 'expiry-soon', 'review-overdue', 'lifecycle-date-invalid', 'release-reason-missing', 'field-unknown', 'section-unknown'] },
  { file: 'expiring-soon', why: 'control for the next case: expires 令和8年12月31日, within 90 days of today', fires: [{ code: 'expiry-soon' }] },
  { file: 'released-expiring', why: 'the same sheet released: no expiry-soon', silent: ['expiry-soon', 'expired', 'review-overdue', 'lifecycle-date-invalid'] },
  { file: 'rel-alias-released', why: '指定の解除 is an alias of 解除: the sheet is released, so not lapsed', silent: ['expired', 'review-overdue', 'field-unknown', 'release-reason-missing'] },
  // ---- lifecycle-date-invalid ----
  { file: 'lc-review-before', why: 'a 点検 before 指定年月日', fires: [{ code: 'lifecycle-date-invalid', at: '点検：', count: 1 }] },
  { file: 'lc-decision-before', why: 'a 延長 decision date before 指定年月日', fires: [{ code: 'lifecycle-date-invalid', at: '延長：', count: 1 }], silent: ['extension-decided-late'] },
  { file: 'lc-review-after-release', why: 'a 点検 after 解除', fires: [{ code: 'lifecycle-date-invalid', at: '点検：', count: 1 }] },
  { file: 'lc-release-before', why: '解除 before 指定年月日', fires: [{ code: 'lifecycle-date-invalid', at: '解除：', count: 1 }] },
  { file: 'lc-release-after-expiry', why: '解除 after the last expiry (a lapsed designation has ended; it is not released); as a sheet with 解除 it is still "released": no expired',
    fires: [{ code: 'lifecycle-date-invalid', at: '解除：', count: 1 }], silent: ['expired', 'review-overdue'] },
  { file: 'lc-edges-ok', why: '"before"/"after" are strict: a 点検 on 指定年月日, a 点検 on the 解除 day, 解除 on the last expiry day',
    silent: ['lifecycle-date-invalid', 'expired', 'review-overdue', 'field-unknown', 'field-duplicate'] },
  { file: 'lc-review-unreadable', why: 'issue 11: 点検 dates that cannot be read are date-invalid like any date (令和8年2月30日)', fires: [{ code: 'date-invalid', at: '点検：', count: 1 }], silent: ['field-unknown'] },
  { file: 'lc-decision-unreadable', why: 'a decision date that does not exist (13月) is date-invalid', fires: [{ code: 'date-invalid', at: '延長：', count: 1 }] },
  { file: 'lc-release-unreadable', why: 'a 解除 date that does not exist (平成32年) is date-invalid', fires: [{ code: 'date-invalid', at: '解除：', count: 1 }], silent: ['field-unknown'] },
  // ---- release-reason-missing ----
  { file: 'rel-reason-missing', why: '解除 and no 【解除の理由】: on the 解除 line', fires: [{ code: 'release-reason-missing', at: '解除：', count: 1 }], silent: ['field-unknown'] },
  { file: 'rel-reason-empty', why: 'an empty 【解除の理由】: on its heading', fires: [{ code: 'release-reason-missing', at: '【解除の理由】', count: 1 }], silent: ['section-unknown'] },
  { file: 'rel-alias-date', why: '解除年月日 is an alias of 解除', fires: [{ code: 'release-reason-missing', at: '解除年月日：', count: 1 }], silent: ['field-unknown'] },
  // ---- summary-period-unscoped / -mismatch ----
  { file: 'sum-unscoped', why: 'the description has a period expression (令和8年度) and the 概要 has none', fires: [{ code: 'summary-period-unscoped', at: '自衛隊第sum-unscoped統合演習計画', count: 1 }], silent: ['summary-period-mismatch'] },
  { file: 'sum-unscoped-nodesc', why: 'no period in the description: only period-unscoped (v1), not the 概要 rules', fires: [{ code: 'period-unscoped' }], silent: ['summary-period-unscoped', 'summary-period-mismatch'] },
  { file: 'sum-other-style', why: '2026年度 in the 概要 names the year of 令和8年度 in the description', silent: ['summary-period-unscoped', 'summary-period-mismatch'] },
  { file: 'sum-mismatch', why: '令和7年度 in the 概要, 令和8年度 in the description (a copy from last year\'s sheet)', fires: [{ code: 'summary-period-mismatch', at: '令和7年度自衛隊', count: 1 }], silent: ['summary-period-unscoped'] },
  { file: 'sum-fullwidth', why: 'full-width digits (令和８年度) name the same year', silent: ['summary-period-unscoped', 'summary-period-mismatch'] },
  { file: 'sum-range', why: 'the description 令和7年度から令和9年度まで names 令和9年度, the 概要\'s year', silent: ['summary-period-unscoped', 'summary-period-mismatch'] },
  { file: 'sum-calendar-mismatch', why: 'calendar-year scopes: 令和7年中 in the 概要, 令和8年中 in the description', fires: [{ code: 'summary-period-mismatch', count: 1 }], silent: ['summary-period-unscoped'] },
  // ---- beppyo-overlap ----
  { file: 'ov-2ro-1i', why: '2号ロ with 1号イ', fires: [{ code: 'beppyo-overlap', at: '別表：', count: 1 }] },
  { file: 'ov-2ha-1ro', why: '2号ハ with 1号ロ', fires: [{ code: 'beppyo-overlap', at: '別表：', count: 1 }] },
  { file: 'ov-1nu-1he', why: '1号ヌ with 1号ヘ', fires: [{ code: 'beppyo-overlap', at: '別表：', count: 1 }] },
  { file: 'ov-2ro-4i', why: '2号ロ with 4号イ (references without 別表, as format.md allows)', fires: [{ code: 'beppyo-overlap', at: '別表：', count: 1 }] },
  { file: 'ov-2ha-3ro', why: '2号ハ with 3号ロ, separated by `,`', fires: [{ code: 'beppyo-overlap', at: '別表：', count: 1 }] },
  { file: 'ov-fullwidth', why: '2号ロ with 1号ニ written with full-width digits/letters and a blank', fires: [{ code: 'beppyo-overlap', at: '別表：', count: 1 }] },
  { file: 'ov-none-2ro-1ro', why: '2号ロ excludes 1号イ and 1号ニ, not 1号ロ', silent: ['beppyo-overlap'] },
  { file: 'ov-none-2ha-1i', why: '2号ハ excludes 1号ロ, not 1号イ', silent: ['beppyo-overlap'] },
  { file: 'ov-none-1nu-1to', why: '1号ヌ excludes only 1号ヘ', silent: ['beppyo-overlap'] },
  // ---- measure-notice-unjustified ----
  { file: 'mn-bare', why: '措置 通知 and no sentence says why marking is not possible', fires: [{ code: 'measure-notice-unjustified', count: 1 }] },
  { file: 'mn-dai2', why: '第2号 is 通知', fires: [{ code: 'measure-notice-unjustified', count: 1 }], silent: ['measure-invalid'] },
  { file: 'mn-reason-dekinai', why: 'a sentence of the 指定の理由 with 表示 and できない', silent: ['measure-notice-unjustified'] },
  { file: 'mn-biko-seishitsu', why: 'a sentence of the 【備考】 with 性質上', silent: ['measure-notice-unjustified'] },
  { file: 'mn-fuka', why: 'a sentence with 表示 and 不可能', silent: ['measure-notice-unjustified'] },
  { file: 'mn-split', why: '表示 and 困難 in two different sentences are not "a sentence with 表示 and 困難"', fires: [{ code: 'measure-notice-unjustified', count: 1 }] },
  // ---- conjunction-level ----
  { file: 'cl-narabini', why: '並びに without 及び in the sentence', fires: [{ code: 'conjunction-level', at: '統合演習並びに', count: 1 }] },
  { file: 'cl-narabini-ok', why: '並びに above 及び in one sentence', silent: ['conjunction-level'] },
  { file: 'cl-moshikuha', why: '若しくは without 又は', fires: [{ code: 'conjunction-level', at: '若しくは', count: 1 }] },
  { file: 'cl-moshikuha-ok', why: '若しくは below 又は in one sentence', silent: ['conjunction-level'] },
  { file: 'cl-multiline-ok', why: 'one sentence across a line break: 及び on the first line, 並びに on the next', silent: ['conjunction-level'] },
  { file: 'cl-multiline-fire', why: 'two sentences (。): the second has 並びに and no 及び', fires: [{ code: 'conjunction-level', at: '並びに日米', count: 1 }] },
  { file: 'cl-reason', why: 'any section: 並びに without 及び in a sentence of the 指定の理由', fires: [{ code: 'conjunction-level', at: '配置並びに', count: 1 }] },
  // ---- conjunction-kana ----
  { file: 'ck-oyobi', why: 'および in kana in a section', fires: [{ code: 'conjunction-kana', at: '統合演習および', count: 1 }] },
  { file: 'ck-four', why: 'ならびに, もしくは, または in sections (指定の理由, 備考): one each', fires: [{ code: 'conjunction-kana', count: 3 }] },
  { file: 'ck-header-only', why: 'kana conjunctions only in sections: not in a header field or a comment', silent: ['conjunction-kana'] },
  // ---- release-condition-missing, v1.1 extension ----
  { file: 'rc-disaster', why: 'the description concerns disaster (災害) and no condition is stated', fires: [{ code: 'release-condition-missing', count: 1 }] },
  { file: 'rc-evacuation', why: 'the description concerns evacuation (避難) and no condition is stated', fires: [{ code: 'release-condition-missing', count: 1 }] },
  { file: 'rc-disaster-ok', why: 'a 【解除の条件】 is stated', silent: ['release-condition-missing'] },
  // ---- more edges ----
  { file: 'review-decision-365', why: 'a 延長 decided exactly 365 days before today counts as the latest review', silent: ['review-overdue', 'expired', 'extension-decided-late'] },
  { file: 'expiry-today', why: 'lapsed means the last expiry is *before* today: expiring today is still in force (expiry-soon, and review-overdue for a 2021 designation never reviewed)',
    fires: [{ code: 'expiry-soon' }, { code: 'review-overdue', count: 1 }], silent: ['expired'] },
  { file: 'ext-late-kettei', why: '`５年（令和５年４月３日決定）`: full-width parentheses and digits, 決定; decided after 令和5年3月31日', fires: [{ code: 'extension-decided-late', at: '延長：', count: 1, covers: '令和５年４月３日' }, { code: 'expired' }] },
  { file: 'cl-same-line', why: 'sentences end at 。 within a line too: 及び in the first sentence does not cover 並びに in the second', fires: [{ code: 'conjunction-level', count: 1 }] },
  { file: 'sum-partial', why: '"none of which": one of the 概要\'s years (令和8年度) is the description\'s', silent: ['summary-period-mismatch', 'summary-period-unscoped'] },
  { file: 'rc-reason-only', why: 'the rule looks at the 対象情報の記述: 災害 only in the 指定の理由 does not make it concern disaster', silent: ['release-condition-missing'] },
  { file: 'lc-decision-after-release', why: 'a 延長 decision date after 解除', fires: [{ code: 'lifecycle-date-invalid', at: '延長：', count: 1 }] },
  { file: 'lc-release-after-late-ext', why: 'the only 延長 was decided late, so the last expiry stays 令和5年3月31日: a 解除 on 令和6年1月10日 is after it',
    fires: [{ code: 'extension-decided-late', at: '延長：', count: 1 }, { code: 'lifecycle-date-invalid', at: '解除：', count: 1 }], silent: ['expired'] },
  { file: 'mn-multiline', why: 'one sentence of the 【備考】 across a line break with 表示 and 困難', silent: ['measure-notice-unjustified'] },
  { file: 'sum-empty', why: 'rules.md: a rule about a section\'s content stays silent when the section is empty (section-empty says it once)',
    fires: [{ code: 'section-empty', count: 1 }], silent: ['summary-period-unscoped', 'summary-period-mismatch'] },
  { file: 'ext-end-date', why: 'a 延長 is "a period as in v1", so also an end date `令和10年3月31日まで`, with its decision date: in force to 令和10年3月31日',
    silent: ['expired', 'extension-decided-late', 'validity-invalid', 'extension-too-long', 'date-invalid', 'review-overdue'], aloneOnLine: { at: '延長：', count: 0 } },
  { file: 'ext-iso-decision', why: 'decision dates "follow the date styles of v1": `2023/3/1`', silent: ['expired', 'extension-decided-late', 'date-invalid', 'review-overdue'], aloneOnLine: { at: '延長：', count: 0 } },
  { file: 'lc-review-garbage', why: 'a 点検 that cannot be read (済) is date-invalid', fires: [{ code: 'date-invalid', at: '点検：', count: 1 }] },
  { file: 'rel-twice', why: '解除 is not repeatable (format.md: a field may appear once, 延長 excepted; 点検 is repeatable): the second is field-duplicate', fires: [{ code: 'field-duplicate', at: '解除：令和8年10月1日', count: 1 }] },
  { file: 'ext-two-no-reason', why: 'two 延長 and no 【延長の理由】: one diagnostic, "on the first 延長 line"', fires: [{ code: 'extension-reason-missing', at: '延長：2年', count: 1 }], silent: ['expired', 'extension-decided-late', 'review-overdue'] },
  { file: 'lc-review-after-lapse', why: 'lifecycle-date-invalid lists 点検 before 指定年月日 or after 解除 only: a 点検 after a lapse is not one of them', fires: [{ code: 'expired' }], silent: ['lifecycle-date-invalid', 'review-overdue'] },
  // ---- control ----
  { file: 'clean', why: 'a v1 sheet means exactly what it meant: no diagnostic at all', silent: [...V11, 'release-condition-missing', 'expired', 'expiry-soon'] },
];

function readLine(file: string, line: number): string {
  return fs.readFileSync(path.join(FIXTURES, FOLDER, file), 'utf8').split(/\r?\n/)[line - 1];
}

function indexOfCodePoints(chars: string[], needle: string): number {
  const n = [...needle];
  for (let i = 0; i + n.length <= chars.length; i++) if (n.every((c, k) => chars[i + k] === c)) return i;
  throw new Error(`${needle} not found`);
}

for (const c of CASES) {
  test(`${c.file}: ${c.why}`, c.todo ? { todo: c.todo } : {}, () => {
    const run = checkFolder(FOLDER);
    const file = `${c.file}.shitei`;
    const ds: JsonDiagnostic[] | undefined = run.byFile.get(file);
    assert.ok(ds, `${file} is in the report`);
    const shown = `\n${file}:\n${describeDiagnostics(ds)}`;
    for (const f of c.fires ?? []) {
      const hits: JsonDiagnostic[] = ds.filter((d) => d.code === f.code);
      if (f.count === undefined) assert.ok(hits.length >= 1, `${f.code} expected${shown}`);
      else assert.equal(hits.length, f.count, `${f.count} × ${f.code} expected${shown}`);
      if (f.at) {
        const line = lineWith(FOLDER, file, f.at);
        for (const h of hits) assert.equal(h.line, line, `${f.code} on line ${line} (${f.at})${shown}`);
        if (f.covers) {
          const text = [...readLine(file, line)];
          const startCol = indexOfCodePoints(text, f.covers) + 1;
          const endCol = startCol + [...f.covers].length;
          const open = text.findIndex((ch) => ch === '(' || ch === '（') + 1;
          const close = text.findIndex((ch) => ch === ')' || ch === '）') + 1;
          for (const h of hits) {
            assert.ok(h.line === h.endLine && h.column <= startCol && h.endColumn >= endCol, `${f.code} covers ${f.covers} (columns ${startCol}–${endCol})${shown}`);
            assert.ok(h.column > open && h.endColumn <= close, `${f.code} points at the decision date inside the parentheses, not the whole line${shown}`);
          }
        }
      }
      if (SEVERITY[f.code]) for (const h of hits) assert.equal(h.severity, SEVERITY[f.code], `${f.code} severity${shown}`);
    }
    for (const code of c.silent ?? []) assert.ok(!ds.some((d) => d.code === code), `no ${code} expected${shown}`);
    if (c.aloneOnLine) {
      const line = lineWith(FOLDER, file, c.aloneOnLine.at);
      const on = ds.filter((d) => d.line === line);
      assert.equal(on.length, c.aloneOnLine.count, `${c.aloneOnLine.count} diagnostic(s) on line ${line}${shown}`);
    }
    if (c.file === 'clean') assert.deepEqual(ds, [], shown);
  });
}

test('`expired` (v1) now reads "lapsed" (English message)', () => {
  const r = runCli(['check', '--format', 'json', '--locale', 'en', 'lapsed.shitei'], path.join(FIXTURES, FOLDER));
  const d = (JSON.parse(r.stdout) as { files: { diagnostics: JsonDiagnostic[] }[] }).files[0].diagnostics.find((x) => x.code === 'expired');
  assert.ok(d, r.stdout);
  assert.match(d.message, /laps/i);
});

test('the run as a whole: JSON on stdout, exit 1 (there are errors), nothing on stderr', () => {
  const run = checkFolder(FOLDER);
  assert.equal(run.status, 1);
  assert.equal(run.byFile.size, CASES.length, 'every fixture is checked and each has a case');
  assert.equal(run.stderr.trim(), '');
});
