/** validity-invalid on a 延長 whose period cannot be read (format.md v1.1: the period part, before any decision date). */
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const EXT = { 延長の理由: '要件を引き続き満たす。' };

ruleTests('validity-invalid', {
  valid: [
    { name: 'a readable 延長', text: sheet({ fields: { 延長: '2年' }, sections: EXT }) },
    { name: 'a readable 延長 with its decision date', text: sheet({ fields: { 延長: '2年(令和10年3月1日決定)' }, sections: EXT }) },
    { name: 'an end date that does not exist is date-invalid\'s', text: sheet({ fields: { 延長: '令和12年2月30日まで' }, sections: EXT }) },
  ],
  invalid: [
    {
      name: 'an unreadable 延長: at the period',
      text: sheet({ fields: { 延長: '当分の間' }, sections: EXT }),
      errors: [{ line: 10, covers: '当分の間', ja: ['延長の期間', '読めません'], en: ['cannot be read'] }],
    },
    {
      name: 'an unreadable period before a decision date',
      text: sheet({ fields: { 延長: '未定(令和10年3月1日)' }, sections: EXT }),
      errors: [{ line: 10, covers: '未定' }],
    },
    { name: 'a zero 延長', text: sheet({ fields: { 延長: '0年' }, sections: EXT }), errors: [{ line: 10, covers: '0年', ja: ['0'] }] },
  ],
});
