import { defineRule } from './types';
import { MEASURES } from '../domain/format';
import type { SheetModel } from '../analysis/sheet';

/** A sentence that says why marking (表示) is not possible (法第3条第2項第2号). */
function justifies(sentence: string): boolean {
  return /性質上/.test(sentence) || (/表示/.test(sentence) && /困難|できない|出来ない|不可能|できず/.test(sentence));
}

/** The sentences (up to 。, across line breaks) of a section's content lines. */
function sentences(sheet: SheetModel, name: '指定の理由' | '備考'): string[] {
  const section = sheet.section(name);
  if (!section) return [];
  const joined = section.content.map((l) => sheet.text.slice(l.span.start, l.span.end)).join('');
  return joined.split('。');
}

export default defineRule({
  meta: {
    code: 'measure-notice-unjustified',
    category: 'oversight',
    defaultSeverity: 'info',
    basis: '法第3条第2項第2号',
    fixable: false,
    needsTokens: false,
    description: { ja: '措置が通知なのに、表示が困難である理由が書かれていない', en: 'the measure is 通知 but nothing says why marking is not possible' },
  },
  check({ sheet, report }) {
    const node = sheet.field('措置');
    if (!node) return;
    const value = node.value.replace(/[\s\u3000]/g, '');
    if (!MEASURES.find((m) => m.value === '通知')!.forms.includes(value)) return;
    if ([...sentences(sheet, '指定の理由'), ...sentences(sheet, '備考')].some(justifies)) return;
    report({
      span: node.valueSpan,
      message: {
        ja: '措置が「通知」ですが、指定の理由にも備考にも、表示が困難である理由(情報の性質上表示できない等)が書かれていません。通知は、その性質上表示をすることが困難な場合に限られます(法第3条第2項第2号)',
        en: 'the measure is 通知 (notice), but neither the reason nor the remarks say why the information cannot be marked; notice is only for information that by its nature is hard to mark (法第3条第2項第2号)',
      },
    });
  },
});
