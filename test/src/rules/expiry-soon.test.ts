import rule from '../../../core/out/rules/expiry-soon';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const on = (today: string, expirySoonDays?: number) => (expirySoonDays === undefined ? { today } : { today, expirySoonDays });

ruleTests(rule, {
  valid: [
    { name: 'far from the expiry (today 2026-11-23)', text: sheet() },
    { name: '91 days before', text: sheet(), config: on('2027-12-31') },
    { name: 'already expired is expired\'s', text: sheet(), config: on('2028-04-01') },
    { name: 'a later 延長', text: sheet({ extraHeader: ['延長：2年'] }), config: on('2028-03-01') },
    { name: 'a shorter window from the config', text: sheet(), config: on('2028-02-29', 30) },
  ],
  invalid: [
    {
      name: '90 days before (the default window): points at 満了日',
      text: sheet(),
      config: on('2028-01-01'),
      errors: [{ line: 6, covers: '令和10年3月31日', ja: ['令和10年3月31日', '90日', '延長'], en: ['90 days', 'extend'], fixCount: 0 }],
    },
    {
      name: 'on the last day',
      text: sheet(),
      config: on('2028-03-31'),
      errors: [{ line: 6, ja: ['0日'] }],
    },
    {
      name: 'a window of 30 days from the config',
      text: sheet(),
      config: on('2028-03-01', 30),
      errors: [{ line: 6, ja: ['30日'] }],
    },
    {
      name: 'the last 延長 is what expires',
      text: sheet({ extraHeader: ['延長：2年'] }),
      config: on('2030-03-01'),
      errors: [{ line: 10, covers: '2年', ja: ['令和12年3月31日'] }],
    },
  ],
});
