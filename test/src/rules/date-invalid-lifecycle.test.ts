/** date-invalid on the v1.1 lifecycle dates: 延長 decision dates, 点検 and 解除 (format.md v1.1). */
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const EXT = { 延長の理由: '要件を引き続き満たす。' };
const RELEASE = { 解除の理由: '計画が公表されたため。' };

ruleTests('date-invalid', {
  valid: [
    { name: 'a readable decision date', text: sheet({ fields: { 延長: '2年(令和10年3月1日)' }, sections: EXT }) },
    { name: 'a decision date with 決定 and a weekday', text: sheet({ fields: { 延長: '2年(令和10年3月1日(水)決定)' }, sections: EXT }) },
    { name: 'readable 点検 and 解除', text: sheet({ fields: { 点検: '令和8年10月1日', 解除: '2026/11/1' }, sections: RELEASE }) },
  ],
  invalid: [
    {
      name: 'a decision date that does not exist',
      text: sheet({ fields: { 延長: '2年(令和10年2月30日)' }, sections: EXT }),
      errors: [{ line: 10, covers: '令和10年2月30日', ja: ['延長の決定日'] }],
    },
    {
      name: 'parentheses that hold no date: one diagnostic, the period still counts',
      text: sheet({ fields: { 延長: '2年(閣議決定による)' }, sections: EXT }),
      errors: [{ line: 10, covers: '(閣議決定による)', ja: ['決定日として読めません', '「2年」'], en: ['not a decision date'] }],
    },
    {
      name: 'a 平成 decision date past the era: the 令和 fix',
      text: sheet({ fields: { 延長: '2年(平成40年3月1日)' }, sections: EXT }),
      errors: [{ line: 10, covers: '平成40年3月1日', fixCount: 1 }],
      output: sheet({ fields: { 延長: '2年(令和10年3月1日)' }, sections: EXT }),
    },
    { name: 'an unreadable 点検', text: sheet({ fields: { 点検: '済' } }), errors: [{ line: 10, covers: '済', ja: ['点検'] }] },
    { name: 'a 点検 that does not exist', text: sheet({ fields: { 点検: '令和8年9月31日' } }), errors: [{ line: 10, covers: '令和8年9月31日' }] },
    {
      name: 'a 解除 that does not exist',
      text: sheet({ fields: { 解除: '令和8年2月30日' }, sections: RELEASE }),
      errors: [{ line: 10, covers: '令和8年2月30日', ja: ['解除'] }],
    },
  ],
});
