import rule from '../../../core/out/rules/directive-unknown-code';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

/** The default sheet with a first line replaced by `comment`. */
const withComment = (comment: string, eol: '\n' | '\r\n' = '\n') =>
  sheet({ eol }).replace('# 令和8年度 演習計画の指定(下書き)', comment);

ruleTests(rule, {
  valid: [
    { name: 'known document codes', text: withComment('# shitei-disable-next-line field-missing, scope-vague') },
    { name: 'workspace codes are known too', text: withComment('# shitei-disable-file expired serial-duplicate') },
    { name: 'no code at all', text: withComment('# shitei-disable-file') },
    { name: 'codes separated by 、 and full-width blanks', text: withComment('# shitei-disable-file period-unscoped、scope-vague　placeholder-unfilled') },
    { name: 'a justification after -- is not a code', text: withComment('# shitei-disable-file scope-vague -- 用語は法令どおり') },
    { name: 'an ordinary comment mentioning shitei', text: withComment('# shitei-disabled files are fine') },
  ],
  invalid: [
    {
      name: 'a misspelt code: points at it and corrects it',
      text: withComment('# shitei-disable-next-line feild-missing'),
      errors: [{ line: 1, covers: 'feild-missing', ja: ['feild-missing', 'field-missing'], en: ['feild-missing', 'field-missing'], fixCount: 1 }],
      output: withComment('# shitei-disable-next-line field-missing'),
    },
    {
      name: 'only the unknown one of several codes',
      text: withComment('# shitei-disable-file period-unscoped, scope-vauge'),
      errors: [{ line: 1, covers: 'scope-vauge', ja: ['scope-vague'], fixCount: 1 }],
      output: withComment('# shitei-disable-file period-unscoped, scope-vague'),
    },
    {
      name: 'nothing near: no fix',
      text: withComment('# shitei-disable-file totally-made-up-rule-name'),
      errors: [{ line: 1, covers: 'totally-made-up-rule-name', ja: ['存在しません'], en: ['unknown'], fixCount: 0 }],
    },
    {
      name: 'a directive inside a section, two unknown codes',
      text: sheet({ sections: { 備考: '# shitei-disable-next-line foo-barbaz, placeholder-unfiled\nなし' } }),
      errors: [{ line: 22, covers: 'foo-barbaz' }, { line: 22, covers: 'placeholder-unfiled', fixCount: 1 }],
    },
    {
      name: 'CRLF document',
      text: withComment('# shitei-disable-next-line feild-missing', '\r\n'),
      errors: [{ line: 1, fixCount: 1 }],
      output: withComment('# shitei-disable-next-line field-missing', '\r\n'),
    },
  ],
});
