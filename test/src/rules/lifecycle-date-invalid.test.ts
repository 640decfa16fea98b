import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const RELEASE = { 解除の理由: '計画が公表されたため。' };
const EXT = { 延長の理由: '要件を引き続き満たす。' };

ruleTests('lifecycle-date-invalid', {
  valid: [
    { name: 'a review after the designation', text: sheet({ fields: { 点検: '令和8年10月1日' } }) },
    { name: 'a review on the designation day', text: sheet({ fields: { 点検: '令和8年4月1日' } }) },
    { name: 'released during the validity', text: sheet({ fields: { 解除: '令和8年10月1日' }, sections: RELEASE }) },
    { name: 'released on the expiry day', text: sheet({ fields: { 解除: '令和10年3月31日' }, sections: RELEASE }) },
    { name: 'released during an extension', text: sheet({ fields: { 延長: '2年(令和10年3月1日)', 解除: '令和11年5月1日' }, sections: { ...EXT, ...RELEASE } }) },
    { name: 'a review on the release day', text: sheet({ fields: { 点検: '令和8年10月1日', 解除: '令和8年10月1日' }, sections: RELEASE }) },
    { name: 'an unreadable 点検 is date-invalid\'s', text: sheet({ fields: { 点検: '令和8年2月30日' } }) },
  ],
  invalid: [
    {
      name: 'a review before the designation',
      text: sheet({ fields: { 点検: '令和8年3月1日' } }),
      errors: [{ line: 10, covers: '令和8年3月1日', ja: ['指定年月日', '前'], en: ['before the designation'], fixCount: 0 }],
    },
    {
      name: 'an extension decided before the designation',
      text: sheet({ fields: { 延長: '2年(令和8年3月1日)' }, sections: EXT }),
      errors: [{ line: 10, covers: '令和8年3月1日', ja: ['延長の決定日'] }],
    },
    {
      name: 'a review after the release',
      text: sheet({ fields: { 点検: '令和8年11月1日', 解除: '令和8年10月1日' }, sections: RELEASE }),
      errors: [{ line: 10, covers: '令和8年11月1日', ja: ['解除'], en: ['after the release'] }],
    },
    {
      name: 'released before the designation',
      text: sheet({ fields: { 解除: '令和8年3月1日' }, sections: RELEASE }),
      errors: [{ line: 10, covers: '令和8年3月1日', ja: ['指定年月日'] }],
    },
    {
      name: 'released after the last expiry (a lapsed designation is not released)',
      text: sheet({ fields: { 解除: '令和10年4月1日' }, sections: RELEASE }),
      errors: [{ line: 10, covers: '令和10年4月1日', ja: ['満了日', '令和10年3月31日'], en: ['lapsed'] }],
    },
  ],
});
