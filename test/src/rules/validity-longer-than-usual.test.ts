import rule from '../../../core/out/rules/validity-longer-than-usual';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const RELEASE = { 解除の条件: '情勢の変化により秘匿の必要がなくなったとき' };
const c = (description: string, 有効期間: string, 満了日: string) =>
  sheet({ fields: { 有効期間, 満了日 }, sections: { 対象情報の記述: description, ...RELEASE } });

const YEARLY = '令和8年度に実施する毎年度の統合演習の計画';
const ICT = '令和8年度に導入する防衛情報通信基盤の情報通信技術に関する情報';
const LEADERS = '令和8年中に入手した甲国の要人の動向に関する情報';

ruleTests(rule, {
  valid: [
    { name: 'no kind with a usual period, 5年', text: c('令和8年度に実施する自衛隊の統合演習の計画', '5年', '令和13年3月31日') },
    { name: 'a yearly plan for 2年', text: c(YEARLY, '2年', '令和10年3月31日') },
    { name: '年度計画 for 1年6か月', text: c('令和8年度の防衛力整備の年度計画', '1年6か月', '令和9年9月30日') },
    { name: 'ICT for 3年', text: c(ICT, '3年', '令和11年3月31日') },
    { name: 'movements of leaders for 4年', text: c(LEADERS, '4年', '令和12年3月31日') },
    { name: 'a yearly plan ending on the last day of 2 years', text: c(YEARLY, '令和10年3月31日まで', '令和10年3月31日') },
  ],
  invalid: [
    {
      name: 'a yearly plan (毎年度) for 3年: set 2年 and its 満了日',
      text: c(YEARLY, '3年', '令和11年3月31日'),
      errors: [{ line: 5, covers: '3年', ja: ['毎年度', '2年'], en: ['2 years'], fixCount: 1 }],
      output: c(YEARLY, '2年', '令和10年3月31日'),
    },
    {
      name: 'a 年度計画 for 2年1か月',
      text: c('令和8年度の防衛力整備の年度計画', '2年1か月', '令和10年4月30日'),
      errors: [{ line: 5, covers: '2年1か月', fixCount: 1 }],
      output: c('令和8年度の防衛力整備の年度計画', '2年', '令和10年3月31日'),
    },
    {
      name: 'a yearly plan with an end date past 2 years',
      text: c(YEARLY, '令和10年4月1日まで', '令和10年4月1日'),
      errors: [{ line: 5, covers: '令和10年4月1日まで', fixCount: 1 }],
      output: c(YEARLY, '2年', '令和10年3月31日'),
    },
    {
      name: 'information and communications technology for 4年: 3年',
      text: c(ICT, '4年', '令和12年3月31日'),
      errors: [{ line: 5, covers: '4年', ja: ['情報通信技術', '3年'], en: ['3 years'], fixCount: 1 }],
      output: c(ICT, '3年', '令和11年3月31日'),
    },
    {
      name: 'movements of foreign leaders for 5年: 4年',
      text: c(LEADERS, '5年', '令和13年3月31日'),
      errors: [{ line: 5, covers: '5年', ja: ['要人の動向', '4年'], en: ['4 years'], fixCount: 1 }],
      output: c(LEADERS, '4年', '令和12年3月31日'),
    },
    {
      name: 'a yearly plan of ICT: the shorter usual period (2年) applies',
      text: c('令和8年度の情報通信技術に関する毎年度の整備計画', '3年', '令和11年3月31日'),
      errors: [{ line: 5, ja: ['2年'], fixCount: 1 }],
      output: c('令和8年度の情報通信技術に関する毎年度の整備計画', '2年', '令和10年3月31日'),
    },
    {
      name: 'full-width document: the fix writes full-width',
      text: sheet({ fields: { 指定年月日: '令和８年４月１日', 有効期間: '３年', 満了日: '令和１１年３月３１日' }, sections: { 対象情報の記述: YEARLY } }),
      errors: [{ line: 5, covers: '３年', fixCount: 1 }],
      output: sheet({ fields: { 指定年月日: '令和８年４月１日', 有効期間: '２年', 満了日: '令和１０年３月３１日' }, sections: { 対象情報の記述: YEARLY } }),
    },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 有効期間: '3年', 満了日: '令和11年3月31日' }, sections: { 対象情報の記述: YEARLY }, eol: '\r\n' }),
      errors: [{ line: 5, fixCount: 1 }],
      output: sheet({ sections: { 対象情報の記述: YEARLY }, eol: '\r\n' }),
    },
  ],
});
