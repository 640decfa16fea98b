import rule from '../../../core/out/rules/validity-invalid';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const p = (有効期間: string) => sheet({ fields: { 有効期間 } });

ruleTests(rule, {
  valid: [
    { name: '2年', text: sheet() },
    { name: '3年6か月', text: sheet({ fields: { 有効期間: '3年6か月', 満了日: '令和11年9月30日' } }) },
    { name: '18か月', text: sheet({ fields: { 有効期間: '18か月', 満了日: '令和9年9月30日' } }) },
    { name: 'ヶ月', text: p('1年12ヶ月') },
    { name: 'カ月', text: p('24カ月') },
    { name: '箇月', text: p('24箇月') },
    { name: 'ヵ月', text: p('1年12ヵ月') },
    { name: 'kanji', text: p('二年') },
    { name: 'full-width', text: p('２年') },
    { name: 'kanji months: 二十四か月', text: p('二十四か月') },
    { name: 'an end date', text: p('令和10年3月31日まで') },
    { name: 'an end date that does not exist is date-invalid\'s', text: p('令和10年2月30日まで') },
    { name: 'an absent 有効期間 is validity-missing\'s', text: sheet({ fields: { 有効期間: null } }) },
  ],
  invalid: [
    {
      name: '0年',
      text: p('0年'),
      errors: [{ line: 5, covers: '0年', ja: ['0'], en: ['zero'], fixCount: 0 }],
    },
    {
      name: 'kanji zero 〇年',
      text: p('〇年'),
      errors: [{ line: 5, covers: '〇年', en: ['zero'] }],
    },
    {
      name: '０か月',
      text: p('０か月'),
      errors: [{ line: 5, covers: '０か月', en: ['zero'] }],
    },
    {
      name: 'words',
      text: p('当分の間'),
      errors: [{ line: 5, covers: '当分の間', ja: ['当分の間', '読めません'], en: ['cannot be read'], fixCount: 0 }],
    },
    {
      name: 'a bare 6月 is ambiguous',
      text: p('6月'),
      errors: [{ line: 5, covers: '6月' }],
    },
    {
      name: 'an end date without まで',
      text: p('令和10年3月31日'),
      errors: [{ line: 5, covers: '令和10年3月31日' }],
    },
  ],
});
