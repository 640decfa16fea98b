import rule from '../../../core/out/rules/expired';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const on = (today: string) => ({ today });

ruleTests(rule, {
  valid: [
    { name: 'in force (today 2026-11-23)', text: sheet() },
    { name: 'the last day of the period is still in force', text: sheet(), config: on('2028-03-31') },
    { name: 'an extension keeps it in force', text: sheet({ extraHeader: ['延長：2年'] }), config: on('2028-04-01') },
    { name: 'the last day of the extension', text: sheet({ extraHeader: ['延長：2年'] }), config: on('2030-03-31') },
  ],
  invalid: [
    {
      name: 'the day after 満了日: points at 満了日',
      text: sheet(),
      config: on('2028-04-01'),
      errors: [{ line: 6, covers: '令和10年3月31日', ja: ['令和10年3月31日', '満了'], en: ['令和10年3月31日', 'expired'], fixCount: 0 }],
    },
    {
      name: 'after the last extension: points at that 延長',
      text: sheet({ extraHeader: ['延長：2年', '延長：1年'] }),
      config: on('2031-04-01'),
      errors: [{ line: 11, covers: '1年', ja: ['令和13年3月31日'], en: ['expired'] }],
    },
    {
      name: 'an extension written as an end date',
      text: sheet({ extraHeader: ['延長：令和12年3月31日まで'] }),
      config: on('2030-04-02'),
      errors: [{ line: 10, covers: '令和12年3月31日まで', ja: ['令和12年3月31日', '2日前'], en: ['2 days'] }],
    },
    {
      name: 'in the style of 満了日 (western)',
      text: sheet({ fields: { 満了日: '2028-03-31' } }),
      config: on('2028-04-01'),
      errors: [{ line: 6, covers: '2028-03-31', ja: ['2028-03-31'] }],
    },
    {
      name: 'no 満了日: the expiry computed from 有効期間, at 有効期間',
      text: sheet({ fields: { 満了日: null } }),
      config: on('2028-04-01'),
      errors: [{ line: 5, covers: '2年', ja: ['令和10年3月31日'] }],
    },
  ],
});
