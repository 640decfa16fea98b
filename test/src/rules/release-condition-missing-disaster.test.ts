/** release-condition-missing, v1.1: disaster and evacuation (基準 II 3(4): 災害時の住民の避難等). */
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const DISASTER = '令和8年度に策定した、大規模災害時における自衛隊の部隊の展開計画';
const EVACUATION = '令和8年度に策定した、武力攻撃事態における住民の避難に係る自衛隊の輸送計画';

ruleTests('release-condition-missing', {
  valid: [
    { name: 'a disaster with 【解除の条件】', text: sheet({ sections: { 対象情報の記述: DISASTER, 解除の条件: '災害派遣が終了したとき' } }) },
    { name: 'an evacuation with the condition in the reason', text: sheet({ sections: { 対象情報の記述: EVACUATION, 指定の理由: '別表第1号イa(a)に該当する。公になっていない。漏えいした場合には支障を及ぼすおそれがある。避難の完了後に指定を解除する。' } }) },
  ],
  invalid: [
    {
      name: 'a disaster and no condition: at 災害',
      text: sheet({ sections: { 対象情報の記述: DISASTER } }),
      errors: [{ line: 12, covers: '災害', ja: ['災害', '解除する条件', '運用基準 II 3(4)'], en: ['disaster', 'release'], fixCount: 1 }],
      output: sheet({ sections: { 対象情報の記述: DISASTER, 解除の条件: '○○' } }),
    },
    {
      name: 'an evacuation and no condition: at 避難',
      text: sheet({ sections: { 対象情報の記述: EVACUATION } }),
      errors: [{ line: 12, covers: '避難', en: ['evacuation'], fixCount: 1 }],
    },
  ],
});
