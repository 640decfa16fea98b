import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests('summary-period-unscoped', {
  valid: [
    { name: 'both scoped', text: sheet() },
    { name: 'a calendar year in the summary', text: sheet({ sections: { 概要: '令和8年中の自衛隊統合演習計画' } }) },
    { name: 'a year written tersely in the summary (令和8年3月策定)', text: sheet({ sections: { 概要: '令和8年3月策定の自衛隊統合演習計画' } }) },
    { name: 'the description is not scoped either (period-unscoped\'s)', text: sheet({ sections: { 対象情報の記述: '自衛隊の統合演習の計画', 概要: '自衛隊統合演習計画' } }) },
    { name: 'the description\'s period is still a placeholder', text: sheet({ sections: { 対象情報の記述: '令和○○年度に実施する自衛隊の統合演習の計画', 概要: '自衛隊統合演習計画' } }) },
    { name: 'no summary (section-missing\'s)', text: sheet({ sections: { 概要: null } }) },
    { name: 'an empty summary (section-empty\'s)', text: sheet({ sections: { 概要: '' } }) },
  ],
  invalid: [
    {
      name: 'no period in the summary: inserts the description\'s with の',
      text: sheet({ sections: { 概要: '自衛隊統合演習計画' } }),
      errors: [{ line: 19, covers: '自衛隊統合演習計画', ja: ['令和8年度', '運用基準 II 3(3)'], en: ['令和8年度'], fixCount: 1 }],
      output: sheet({ sections: { 概要: '令和8年度の自衛隊統合演習計画' } }),
    },
    {
      name: 'a calendar-year description',
      text: sheet({ sections: { 対象情報の記述: '令和8年中に入手した甲国の演習に関する情報', 概要: '甲国の演習に関する情報' } }),
      errors: [{ line: 19, fixCount: 1 }],
      output: sheet({ sections: { 対象情報の記述: '令和8年中に入手した甲国の演習に関する情報', 概要: '令和8年中の甲国の演習に関する情報' } }),
    },
    {
      name: 'a two-line summary: at its first line',
      text: sheet({ sections: { 概要: '自衛隊統合演習計画\n(参加部隊の編成を含む)' } }),
      errors: [{ line: 19, covers: '自衛隊統合演習計画' }],
    },
    {
      name: 'CRLF document',
      text: sheet({ sections: { 概要: '自衛隊統合演習計画' }, eol: '\r\n' }),
      errors: [{ line: 19 }],
      output: sheet({ sections: { 概要: '令和8年度の自衛隊統合演習計画' }, eol: '\r\n' }),
    },
  ],
});
