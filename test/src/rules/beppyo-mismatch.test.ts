import rule from '../../../core/out/rules/beppyo-mismatch';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const SONAR = '令和8年度に調達する潜水艦用ソーナーの探知性能';

ruleTests(rule, {
  valid: [
    { name: 'the exercise plan and 第1号イa(a) (訓練又は演習)', text: sheet() },
    { name: 'a submarine sonar and 第1号チa (潜水艦 … の性能)', text: sheet({ fields: { 別表: '別表第1号チa' }, sections: { 対象情報の記述: SONAR } }) },
    { name: 'an invalid reference is not judged here', text: sheet({ fields: { 別表: '第2号ヘ' }, sections: { 対象情報の記述: SONAR } }) },
    { name: 'no description: section-missing says so', text: sheet({ fields: { 別表: '別表第2号ホ' }, sections: { 対象情報の記述: null } }) },
  ],
  invalid: [
    {
      name: 'a submarine sonar filed under the diplomatic cipher',
      text: sheet({ fields: { 別表: '別表第2号ホ' }, sections: { 対象情報の記述: SONAR } }),
      errors: [{ line: 7, covers: '別表第2号ホ', ja: ['別表第2号ホ', '共通する語'], en: ['別表第2号ホ', 'no content word'], fixCount: 0 }],
    },
    {
      name: 'only the reference that shares nothing',
      text: sheet({ fields: { 別表: '別表第1号チa、第2号ホ' }, sections: { 対象情報の記述: SONAR } }),
      errors: [{ line: 7, covers: '第2号ホ' }],
    },
  ],
});
