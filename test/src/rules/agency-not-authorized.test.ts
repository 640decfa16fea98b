import rule from '../../../core/out/rules/agency-not-authorized';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const a = (行政機関: string) => sheet({ fields: { 行政機関 } });
const EXCLUDED = ['内閣法制局', '消費者庁', '文部科学省', '農林水産省', '水産庁', '国土交通省', '気象庁', '環境省'];

ruleTests(rule, {
  valid: [
    { name: '防衛省', text: sheet() },
    { name: '外務省', text: a('外務省') },
    { name: '海上保安庁 (under 国土交通省, but not excluded)', text: a('海上保安庁') },
    { name: 'an unknown agency is agency-unknown\'s', text: a('甲府市役所') },
    { name: 'an agency added in the config', text: a('内閣衛星情報センター'), config: { today: '2026-11-23', agencies: ['内閣衛星情報センター'] } },
  ],
  invalid: [
    ...EXCLUDED.map((name) => ({
      name: `${name} is excluded by 令第3条`,
      text: a(name),
      errors: [{ line: 3, covers: name, ja: [name, '指定できない', '施行令第3条'], en: [name, '施行令第3条'], fixCount: 0 }],
    })),
    {
      name: 'blanks around the value are not part of it; under the alias 指定行政機関',
      text: sheet().replace('行政機関：防衛省', '指定行政機関：　環境省　'),
      errors: [{ line: 3, covers: '環境省' }],
    },
    {
      name: 'excluded even when the config lists it as known',
      text: a('気象庁'),
      config: { today: '2026-11-23', agencies: ['気象庁'] },
      errors: [{ line: 3, covers: '気象庁' }],
    },
  ],
});
