import { defineRule } from './types';
import { rankTargets, sectionWords } from './support/beppyoWords';
import { setFieldValue } from './support/fixes';

export default defineRule({
  meta: {
    code: 'beppyo-missing',
    category: 'beppyo',
    defaultSeverity: 'error',
    basis: '法第3条第1項・別表; 令第4条第4号; 基準 II 1(1)',
    fixable: true,
    needsTokens: false,
    description: { ja: '別表の事項の欄がない、又は空である', en: 'the 別表 field is absent or empty' },
  },
  check(context) {
    const { sheet, report } = context;
    if (sheet.field('別表')) return;
    const line = sheet.fieldLine('別表');
    const description = sheet.sectionContent('対象情報の記述');
    const ranked = description ? rankTargets(context, sectionWords(context, description.section), 3) : [];
    report({
      span: line ? line.lineSpan : sheet.syntax.firstLineSpan,
      message: {
        ja: '別表の事項(別表のどの号・事項・細目に関する情報か)がありません(施行令第4条第4号)',
        en: 'the 別表 item (which 号, item and 細目 of the annexed table the information concerns) is missing (施行令第4条第4号)',
      },
      fixes: ranked.map(({ target, shared }) => ({
        title: { ja: `${target.ref}を記入する(共通語: ${shared.slice(0, 3).join('、')})`, en: `Insert ${target.ref} (shared words: ${shared.slice(0, 3).join(', ')})` },
        edits: [setFieldValue(sheet, '別表', target.ref)],
      })),
    });
  },
});
