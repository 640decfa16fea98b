import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

ruleTests('summary-period-mismatch', {
  valid: [
    { name: 'the same fiscal year', text: sheet() },
    { name: 'the same year as a calendar year', text: sheet({ sections: { 概要: '令和8年中の自衛隊統合演習計画' } }) },
    { name: 'western and era forms of one year', text: sheet({ sections: { 概要: '2026年度自衛隊統合演習計画' } }) },
    {
      name: 'a year inside the description\'s range',
      text: sheet({ sections: { 対象情報の記述: '令和8年度から令和10年度までに実施する自衛隊の統合演習の計画', 概要: '令和9年度自衛隊統合演習計画' } }),
    },
    { name: 'no period in the summary (summary-period-unscoped\'s)', text: sheet({ sections: { 概要: '自衛隊統合演習計画' } }) },
    { name: 'a placeholder year in the summary', text: sheet({ sections: { 概要: '令和○○年度自衛隊統合演習計画' } }) },
  ],
  invalid: [
    {
      name: 'last year\'s fiscal year in the summary: replaced by the description\'s',
      text: sheet({ sections: { 概要: '令和7年度自衛隊統合演習計画' } }),
      errors: [{ line: 19, covers: '令和7年度', ja: ['令和7年度', '令和8年度'], en: ['令和7年度', '令和8年度'], fixCount: 1 }],
      output: sheet({ sections: { 概要: '令和8年度自衛隊統合演習計画' } }),
    },
    {
      name: 'full-width digits',
      text: sheet({ sections: { 概要: '令和７年度自衛隊統合演習計画' } }),
      errors: [{ line: 19, covers: '令和７年度' }],
      output: sheet({ sections: { 概要: '令和8年度自衛隊統合演習計画' } }),
    },
    {
      name: 'a calendar year outside the description\'s fiscal year',
      text: sheet({ sections: { 概要: '令和9年中の自衛隊統合演習計画' } }),
      errors: [{ line: 19, covers: '令和9年中' }],
    },
  ],
});
