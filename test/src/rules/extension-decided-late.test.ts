import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

// 令和8年4月1日 + 2年 → 満了日 令和10年3月31日; the first 延長 must be decided by then.
const REASON = { 延長の理由: '演習計画の見直しが継続しており、要件を引き続き満たす。' };

ruleTests('extension-decided-late', {
  valid: [
    { name: 'no decision date (v1 form)', text: sheet({ fields: { 延長: '2年' }, sections: REASON }) },
    { name: 'decided before the expiry', text: sheet({ fields: { 延長: '2年(令和10年3月25日)' }, sections: REASON }) },
    { name: 'decided on the expiry day, full-width with 決定', text: sheet({ fields: { 延長: '２年（令和１０年３月３１日決定）' }, sections: REASON }) },
    { name: 'an ISO decision date', text: sheet({ fields: { 延長: '2年(2028-03-01)' }, sections: REASON }) },
    {
      name: 'the second 延長 decided before the first extension ends',
      text: sheet({ extraHeader: ['延長：2年(令和10年3月1日)', '延長：1年(令和12年3月31日決定)'], sections: REASON }),
    },
    { name: 'an unreadable decision date is date-invalid\'s', text: sheet({ fields: { 延長: '2年(令和10年2月30日)' }, sections: REASON }) },
  ],
  invalid: [
    {
      name: 'decided the day after the expiry: points at the decision date',
      text: sheet({ fields: { 延長: '2年(令和10年4月1日)' }, sections: REASON }),
      errors: [{ line: 10, covers: '令和10年4月1日', ja: ['令和10年3月31日', '延長することはできません'], en: ['lapsed', 'cannot be extended'], fixCount: 0 }],
    },
    {
      name: 'with 決定 in full-width parentheses',
      text: sheet({ fields: { 延長: '２年（令和１０年５月１日決定）' }, sections: REASON }),
      errors: [{ line: 10, covers: '令和１０年５月１日' }],
    },
    {
      name: 'the second 延長 decided after the first extension ended',
      text: sheet({ extraHeader: ['延長：2年(令和10年3月1日)', '延長：1年(令和12年4月10日)'], sections: REASON }),
      errors: [{ line: 11, covers: '令和12年4月10日' }],
    },
  ],
});
