import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

// today is 2026-11-23 (TEST_CONFIG). Designated 令和7年4月1日 for 2年: in force until 令和9年3月31日.
const OLD = { 指定年月日: '令和7年4月1日', 満了日: '令和9年3月31日' };
const RELEASE = { 解除の理由: '計画が公表されたため。' };
const EXT = { 延長の理由: '要件を引き続き満たす。' };

ruleTests('review-overdue', {
  valid: [
    { name: 'designated within the last year', text: sheet() },
    { name: 'reviewed within the last year', text: sheet({ fields: { ...OLD, 点検: '令和7年12月1日' } }) },
    { name: 'reviewed exactly 365 days ago', text: sheet({ fields: { ...OLD, 点検: '令和7年11月23日' } }) },
    { name: 'the alias 指定の理由の点検, an ISO date', text: sheet({ fields: { ...OLD, 指定の理由の点検: '2026-03-01' } }) },
    { name: 'the latest of several reviews counts', text: sheet({ fields: OLD, extraHeader: ['点検：令和7年4月1日', '点検：令和8年3月20日'] }) },
    {
      name: 'an extension decided within the last year',
      text: sheet({ fields: { 指定年月日: '令和5年4月1日', 有効期間: '3年', 満了日: '令和8年3月31日', 延長: '2年(令和8年3月1日)' }, sections: EXT }),
    },
    {
      name: 'an extension without decision date that took effect within the last year',
      text: sheet({ fields: { 指定年月日: '令和5年4月1日', 有効期間: '3年', 満了日: '令和8年3月31日', 延長: '2年' }, sections: EXT }),
    },
    { name: 'released: no review is due', text: sheet({ fields: { ...OLD, 解除: '令和8年1月10日' }, sections: RELEASE }) },
    { name: 'lapsed: no review is due', text: sheet({ fields: { 指定年月日: '令和5年4月1日', 満了日: '令和7年3月31日' } }) },
    { name: 'a review dated today', text: sheet({ fields: { ...OLD, 点検: '令和8年11月23日' } }) },
  ],
  invalid: [
    {
      name: 'never reviewed, designated 601 days ago: at 指定年月日',
      text: sheet({ fields: OLD }),
      errors: [{ line: 4, covers: '令和7年4月1日', ja: ['601日', '運用基準 III 2(1)'], en: ['601 days', 'at least once a year'], fixCount: 0 }],
    },
    {
      name: 'the last review 366 days ago: at that 点検',
      text: sheet({ fields: { ...OLD, 点検: '令和7年11月22日' } }),
      errors: [{ line: 10, covers: '令和7年11月22日', ja: ['366日', '最後の点検'] }],
    },
    {
      name: 'an old extension decision and no review since',
      text: sheet({ fields: { 指定年月日: '令和3年4月1日', 有効期間: '4年', 満了日: '令和7年3月31日', 延長: '3年(令和7年3月1日)' }, sections: EXT }),
      errors: [{ line: 10, covers: '3年(令和7年3月1日)', ja: ['延長'] }],
    },
    {
      name: 'a configured today',
      text: sheet(),
      config: { today: '2027-06-01' },
      errors: [{ line: 4, covers: '令和8年4月1日' }],
    },
  ],
});
