/**
 * `# shitei-disable-next-line CODE` / `# shitei-disable-file CODE` / no code (format.md "Line kinds"):
 * a diagnostic is suppressed when its range starts on the next non-comment line, or anywhere.
 */
import periodUnscoped from '../../../core/out/rules/period-unscoped';
import fieldMissing from '../../../core/out/rules/field-missing';
import scopeVague from '../../../core/out/rules/scope-vague';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const unscoped = (before: string) => sheet({ sections: { 対象情報の記述: `${before}自衛隊の統合演習の計画` } });

ruleTests(periodUnscoped, {
  valid: [
    { name: 'disable-next-line with the code, right above the line', text: unscoped('# shitei-disable-next-line period-unscoped\n') },
    { name: 'disable-next-line skips blank and comment lines', text: unscoped('# shitei-disable-next-line period-unscoped\n\n# 説明\n') },
    { name: 'disable-next-line with several codes', text: unscoped('# shitei-disable-next-line scope-vague, period-unscoped\n') },
    { name: 'disable-next-line with no code', text: unscoped('# shitei-disable-next-line\n') },
    { name: 'disable-file with the code, at the top', text: '# shitei-disable-file period-unscoped\n' + unscoped('') },
    { name: 'disable-file anywhere in the file', text: unscoped('') + '# shitei-disable-file period-unscoped\n' },
    { name: 'disable-file with no code', text: '# shitei-disable-file\n' + unscoped('') },
    { name: 'a justification after --', text: unscoped('# shitei-disable-next-line period-unscoped -- 期間は別紙で限定\n') },
  ],
  invalid: [
    {
      name: 'disable-next-line names another rule',
      text: unscoped('# shitei-disable-next-line scope-vague\n'),
      errors: [{ line: 13, covers: '自衛隊の統合演習の計画' }],
    },
    {
      name: 'disable-next-line aimed at another line',
      text: sheet({ sections: { 対象情報の記述: '自衛隊の統合演習の計画' } }).replace('【対象情報の記述】', '# shitei-disable-next-line period-unscoped\n【対象情報の記述】'),
      errors: [{ line: 13, covers: '自衛隊の統合演習の計画' }],
    },
    {
      name: 'disable-file names another rule',
      text: '# shitei-disable-file scope-vague\n' + unscoped(''),
      errors: [{ line: 13 }],
    },
    {
      name: 'a directive-like comment with a typo in the keyword is an ordinary comment',
      text: '# shitei-disable-files period-unscoped\n' + unscoped(''),
      errors: [{ line: 13 }],
    },
  ],
});

ruleTests(fieldMissing, {
  valid: [
    { name: 'disable-file with the code', text: '# shitei-disable-file field-missing\n' + sheet({ fields: { 整理番号: null } }) },
    {
      name: 'disable-next-line above the header\'s first line, where the diagnostic points',
      text: sheet({ fields: { 整理番号: null } }).replace('行政機関：', '# shitei-disable-next-line field-missing\n行政機関：'),
    },
    { name: 'disable-file with no code', text: '# shitei-disable-file\n' + sheet({ fields: { 整理番号: null, 措置: null } }) },
    {
      name: 'CRLF document',
      text: sheet({ fields: { 整理番号: null }, eol: '\r\n' }).replace('行政機関：', '# shitei-disable-next-line field-missing\r\n行政機関：'),
    },
  ],
  invalid: [
    {
      name: 'disable-next-line on a later line does not reach the first line',
      text: sheet({ fields: { 整理番号: null } }).replace('指定年月日：', '# shitei-disable-next-line field-missing\n指定年月日：'),
      errors: [{ line: 2, ja: ['整理番号'] }],
    },
  ],
});

ruleTests(scopeVague, {
  valid: [
    {
      name: 'disable-next-line silences every diagnostic starting on that line only',
      text: sheet({ sections: { 対象情報の記述: '# shitei-disable-next-line scope-vague\n令和8年度に調達する潜水艦等の性能' } }),
    },
  ],
  invalid: [
    {
      name: 'the line after the next one is not silenced',
      text: sheet({ sections: { 対象情報の記述: '# shitei-disable-next-line scope-vague\n令和8年度に調達する潜水艦等の性能\n令和8年度に調達する航空機等の性能' } }),
      errors: [{ line: 14, covers: '等' }],
    },
  ],
});
