import rule from '../../../core/out/rules/beppyo-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const FIRST = '整理番号：防衛-2026-0012';
const CIPHER = '令和8年度に更新する外務省本省と在外公館との間の通信に用いる暗号';

ruleTests(rule, {
  valid: [
    { name: 'present', text: sheet() },
    { name: 'under the alias 別表の事項', text: sheet().replace('別表：', '別表の事項：') },
    { name: 'under the alias 該当事項', text: sheet().replace('別表：', '該当事項：') },
    { name: 'present but invalid is beppyo-invalid\'s', text: sheet({ fields: { 別表: '第2号ヘ' } }) },
  ],
  invalid: [
    {
      name: 'absent: points at the header\'s first line; three fixes, best match first',
      text: sheet({ fields: { 別表: null } }),
      errors: [{ line: 2, covers: FIRST, ja: ['別表'], en: ['別表', 'missing'], fixCount: 3 }],
      output: sheet(),
    },
    {
      name: 'empty: points at the empty field line and fills it',
      text: sheet({ fields: { 別表: '' } }),
      errors: [{ line: 7, covers: '別表：', ja: ['別表'], fixCount: 3 }],
      output: sheet(),
    },
    {
      name: 'a description of a diplomatic cipher ranks 別表第2号ホ first',
      text: sheet({ fields: { 別表: null }, sections: { 対象情報の記述: CIPHER } }),
      errors: [{ line: 2, fixCount: 3 }],
      output: sheet({ fields: { 別表: '別表第2号ホ' }, sections: { 対象情報の記述: CIPHER } }),
    },
    {
      name: 'no description: nothing to rank, no fix',
      text: sheet({ fields: { 別表: null }, sections: { 対象情報の記述: null } }),
      errors: [{ line: 2, covers: FIRST, fixCount: 0 }],
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 別表: null }, eol: '\r\n' }),
      errors: [{ line: 2, fixCount: 3 }],
      output: sheet({ eol: '\r\n' }),
    },
  ],
});
