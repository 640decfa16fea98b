import rule from '../../../core/out/rules/reason-requirement-missing';
import { ruleTests } from '../support/ruleTester';
import { sheet } from '../support/sheet';

const R = (reason: string, eol: '\n' | '\r\n' = '\n') => sheet({ sections: { 指定の理由: reason }, eol });
const BEPPYO = '別表第1号イa(a)に掲げる自衛隊の演習の計画に該当する。';
const NOT_PUBLIC = '当該計画は公になっておらず、';
const SECRECY = '漏えいした場合には対抗措置が講じられるおそれがある。';
const T_BEPPYO = '本情報は、別表第1号イa(a)に掲げる事項に関する情報に該当する(別表該当性)。';
const T_NOT_PUBLIC = '本情報は公になっていない(非公知性)。';
const T_SECRECY = '本情報が漏えいした場合、我が国の安全保障に著しい支障を与えるおそれがあるため、特に秘匿する必要がある(特段の秘匿の必要性)。';

ruleTests(rule, {
  valid: [
    { name: 'the example of format.md', text: sheet() },
    { name: '非公知 and 該当 by word', text: R('第1号イa(a)の事項に該当し、非公知である。漏えいすれば支障がある。') },
    { name: 'inflections: 公表されていない', text: R(`${BEPPYO}当該計画は公表されていない。${SECRECY}`) },
    { name: 'inflections: 公にされておらず', text: R(`${BEPPYO}当該計画は公にされておらず、${SECRECY}`) },
    { name: 'inflections: 公開していない', text: R(`${BEPPYO}当該計画は公開していない。${SECRECY}`) },
    { name: 'inflections: 漏洩した場合…支障', text: R(`${BEPPYO}${NOT_PUBLIC}漏洩した場合には部隊の運用に重大な支障を来す。`) },
    { name: 'inflections: 秘匿する必要', text: R(`${BEPPYO}${NOT_PUBLIC}特に秘匿する必要がある。`) },
    { name: 'inflections: 秘匿の必要性', text: R(`${BEPPYO}${NOT_PUBLIC}特段の秘匿の必要性が認められる。`) },
    { name: 'the requirements spread over lines', text: R(`${BEPPYO}\n${NOT_PUBLIC}\n${SECRECY}`) },
    { name: 'an empty reason is section-empty\'s', text: R('') },
    { name: 'a missing reason is section-missing\'s', text: sheet({ sections: { 指定の理由: null } }) },
  ],
  invalid: [
    {
      name: 'only 別表該当性: one diagnostic names both missing requirements',
      text: R(BEPPYO),
      errors: [{ line: 15, covers: BEPPYO, ja: ['非公知性', '特段の秘匿の必要性'], en: ['非公知性', '特段の秘匿の必要性'], fixCount: 1 }],
      output: R(`${BEPPYO}\n${T_NOT_PUBLIC}${T_SECRECY}`),
    },
    {
      name: 'no 別表該当性: the template names the sheet\'s 別表 reference',
      text: R(`${NOT_PUBLIC}${SECRECY}`),
      errors: [{ line: 15, ja: ['別表該当性'], en: ['別表該当性'], fixCount: 1 }],
      output: R(`${NOT_PUBLIC}${SECRECY}\n${T_BEPPYO}`),
    },
    {
      name: 'already public: 公になっている is not 非公知性',
      text: R(`${BEPPYO}当該計画の概要は公になっているが、${SECRECY}`),
      errors: [{ line: 15, ja: ['非公知性'], fixCount: 1 }],
    },
    {
      name: 'already published: 公表されている is not 非公知性',
      text: R(`${BEPPYO}当該計画は既に公表されている。${SECRECY}`),
      errors: [{ line: 15, ja: ['非公知性'], fixCount: 1 }],
    },
    {
      name: '漏えい without harm is not the need for secrecy',
      text: R(`${BEPPYO}${NOT_PUBLIC}漏えいの防止に努める。`),
      errors: [{ line: 15, ja: ['特段の秘匿の必要性'], fixCount: 1 }],
      output: R(`${BEPPYO}${NOT_PUBLIC}漏えいの防止に努める。\n${T_SECRECY}`),
    },
    {
      name: 'all three missing: one diagnostic listing all three',
      text: R('重要な情報であるため。'),
      errors: [{ line: 15, covers: '重要な情報であるため。', ja: ['別表該当性', '非公知性', '特段の秘匿の必要性'], en: ['別表該当性', '非公知性', '特段の秘匿の必要性'], fixCount: 1 }],
      output: R(`重要な情報であるため。\n${T_BEPPYO}${T_NOT_PUBLIC}${T_SECRECY}`),
    },
    {
      name: 'a multi-line reason: points at the first line; appends after the last',
      text: R(`${BEPPYO}\n${NOT_PUBLIC}\n以上。`),
      errors: [{ line: 15, covers: BEPPYO, ja: ['特段の秘匿の必要性'], fixCount: 1 }],
      output: R(`${BEPPYO}\n${NOT_PUBLIC}\n以上。\n${T_SECRECY}`),
    },
    {
      name: 'CRLF document',
      text: R(BEPPYO, '\r\n'),
      errors: [{ line: 15, fixCount: 1 }],
      output: R(`${BEPPYO}\n${T_NOT_PUBLIC}${T_SECRECY}`, '\r\n'),
    },
  ],
});
