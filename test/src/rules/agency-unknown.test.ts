import rule from '../../../core/out/rules/agency-unknown';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const a = (行政機関: string, eol: '\n' | '\r\n' = '\n') => sheet({ fields: { 行政機関 }, eol });
const CONFIG = { today: '2026-11-23', agencies: ['内閣衛星情報センター'] };

ruleTests(rule, {
  valid: [
    { name: '防衛省', text: sheet() },
    { name: 'other designating agencies', text: a('外務省') },
    { name: '警察庁', text: a('警察庁') },
    { name: '海上保安庁', text: a('海上保安庁') },
    { name: 'excluded agencies are known (agency-not-authorized says the rest)', text: a('文部科学省') },
    { name: 'an agency added in the config', text: a('内閣衛星情報センター'), config: CONFIG },
    { name: 'blanks around the value', text: sheet().replace('行政機関：防衛省', '行政機関：　防衛省　') },
  ],
  invalid: [
    {
      name: 'the old name 防衛庁: nearest known is 防衛省',
      text: a('防衛庁'),
      errors: [{ line: 3, covers: '防衛庁', ja: ['防衛庁', '防衛省'], en: ['防衛庁', '防衛省'], fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'a typo: 外務相',
      text: a('外務相'),
      errors: [{ line: 3, covers: '外務相', fixCount: 1 }],
      output: a('外務省'),
    },
    {
      name: 'not known without the config',
      text: a('内閣衛星情報センター'),
      errors: [{ line: 3, covers: '内閣衛星情報センター', ja: ['内閣衛星情報センター'] }],
    },
    {
      name: 'a name near nothing: no fix, the message says how to add it',
      text: a('甲府市役所'),
      errors: [{ line: 3, covers: '甲府市役所', ja: ['agencies'], en: ['agencies'], fixCount: 0 }],
    },
    {
      name: 'the config adds names, it does not make every name known',
      text: a('防衛庁'),
      config: CONFIG,
      errors: [{ line: 3, covers: '防衛庁', fixCount: 1 }],
      output: sheet(),
    },
    {
      name: 'CRLF document',
      text: a('防衛庁', '\r\n'),
      errors: [{ line: 3, fixCount: 1 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
