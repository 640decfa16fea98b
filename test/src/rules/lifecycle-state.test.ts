/**
 * The state of a designation (format.md v1.1): released / lapsed / in force, and what the
 * date-relative rules make of it (a released sheet gets no expiry-soon, expired, review-overdue).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';
import { SheetModel, designationState, readExtension } from '../../../core/out/analysis/sheet';
import { parseSheet } from '../../../core/out/syntax/parser';
import { parseIso } from '../../../core/out/domain/dates';

const model = (text: string) => new SheetModel(parseSheet(text));
const day = (iso: string) => parseIso(iso)!;
const RELEASE = { 解除の理由: '計画が公表されたため。' };
const EXT = { 延長の理由: '要件を引き続き満たす。' };

test('designationState: in force, lapsed, released', () => {
  // 令和8年4月1日 + 2年 → 令和10年3月31日
  assert.equal(designationState(model(sheet()), day('2026-11-23')), 'in-force');
  assert.equal(designationState(model(sheet()), day('2028-03-31')), 'in-force');
  assert.equal(designationState(model(sheet()), day('2028-04-01')), 'lapsed');
  assert.equal(designationState(model(sheet({ fields: { 解除: '令和8年10月1日' } })), day('2026-11-23')), 'released');
  // Released even once the expiry has passed: 解除 decides.
  assert.equal(designationState(model(sheet({ fields: { 解除: '令和8年10月1日' } })), day('2030-01-01')), 'released');
  // An extension decided on time keeps it in force; one decided late does not.
  assert.equal(designationState(model(sheet({ fields: { 延長: '2年(令和10年3月1日)' } })), day('2029-01-01')), 'in-force');
  assert.equal(designationState(model(sheet({ fields: { 延長: '2年(令和10年4月2日)' } })), day('2029-01-01')), 'lapsed');
  // Without a decision date, v1: the extension counts.
  assert.equal(designationState(model(sheet({ fields: { 延長: '2年' } })), day('2029-01-01')), 'in-force');
  // Nothing readable says it ended: in force.
  assert.equal(designationState(model(sheet({ fields: { 指定年月日: '不明', 満了日: null } })), day('2040-01-01')), 'in-force');
});

test('readExtension: period and decision date, in both parenthesis widths', () => {
  const parts = (value: string) => {
    const text = sheet({ fields: { 延長: value } });
    const node = model(text).fieldsByName.get('延長')![0];
    const r = readExtension(node);
    return { period: r.periodText, decision: r.decision && text.slice(r.decision.span.start, r.decision.span.end), notADate: r.notADate?.text };
  };
  assert.deepEqual(parts('5年'), { period: '5年', decision: undefined, notADate: undefined });
  assert.deepEqual(parts('5年(令和13年3月25日)'), { period: '5年', decision: '令和13年3月25日', notADate: undefined });
  assert.deepEqual(parts('５年（令和13年3月25日決定）'), { period: '５年', decision: '令和13年3月25日', notADate: undefined });
  assert.deepEqual(parts('5年 ( 2031-03-25 に決定 )'), { period: '5年', decision: '2031-03-25', notADate: undefined });
  assert.deepEqual(parts('5年(令和13年3月25日(火)決定)'), { period: '5年', decision: '令和13年3月25日(火)', notADate: undefined });
  assert.deepEqual(parts('令和13年3月31日まで(令和10年3月1日)'), { period: '令和13年3月31日まで', decision: '令和10年3月1日', notADate: undefined });
  assert.deepEqual(parts('5年(令和13年3月25日閣議決定)'), { period: '5年', decision: '令和13年3月25日', notADate: undefined });
  assert.deepEqual(parts('令和12年3月29日(金)'), { period: '令和12年3月29日(金)', decision: undefined, notADate: undefined });
  assert.deepEqual(parts('5年(閣議決定)'), { period: '5年', decision: undefined, notADate: '閣議決定' });
  // The period still counts when the parentheses hold no date.
  const m = model(sheet({ fields: { 延長: '2年(閣議決定)' } }));
  assert.deepEqual(m.expiryChain.map((s) => s.expiry), [{ year: 2028, month: 3, day: 31 }, { year: 2030, month: 3, day: 31 }]);
});

test('lastExpiry(decidedBy): extensions decided after the day do not count', () => {
  const m = model(sheet({ extraHeader: ['延長：2年(令和10年3月1日)', '延長：1年'] }));
  assert.deepEqual(m.lastExpiry(), { year: 2031, month: 3, day: 31 });
  assert.deepEqual(m.lastExpiry(day('2027-12-31')), { year: 2028, month: 3, day: 31 });
  assert.deepEqual(m.lastExpiry(day('2028-12-31')), { year: 2030, month: 3, day: 31 });
  // The second has no decision date: it counts from the day it takes effect (2030-04-01).
  assert.deepEqual(m.lastExpiry(day('2030-04-01')), { year: 2031, month: 3, day: 31 });
});

ruleTests('expired', {
  valid: [
    { name: 'released after the expiry date: released, not lapsed', text: sheet({ fields: { 指定年月日: '令和5年4月1日', 満了日: '令和7年3月31日', 解除: '令和6年6月1日' }, sections: RELEASE }) },
  ],
  invalid: [
    {
      name: 'an extension decided after the expiry does not keep it in force',
      text: sheet({ fields: { 指定年月日: '令和5年4月1日', 満了日: '令和7年3月31日', 延長: '3年(令和7年4月15日)' }, sections: EXT }),
      errors: [{ line: 6, covers: '令和7年3月31日', en: ['lapsed'] }],
    },
  ],
});

ruleTests('expiry-soon', {
  valid: [
    { name: 'released: nothing to extend', text: sheet({ fields: { 指定年月日: '令和6年1月1日', 満了日: '令和7年12月31日', 解除: '令和7年6月1日' }, sections: RELEASE }), config: { today: '2025-12-01' } },
  ],
  invalid: [
    { name: 'in force and expiring', text: sheet({ fields: { 指定年月日: '令和6年1月1日', 満了日: '令和7年12月31日', 点検: '令和7年6月1日' } }), config: { today: '2025-12-01' }, errors: [{ line: 6 }] },
  ],
});
