import { defineRule } from './types';
import { checkReference, parseReferenceList, referenceLegalText } from '../domain/beppyo/reference';
import { sharesWord, wordsOf } from './support/beppyoWords';

export default defineRule({
  meta: {
    code: 'beppyo-mismatch',
    category: 'beppyo',
    defaultSeverity: 'info',
    basis: '基準 II 1(1); 令第4条第4号',
    fixable: false,
    needsTokens: true,
    description: { ja: '対象情報の記述が挙げた事項・細目の文言と語を共有しない', en: 'the description shares no content word with the referenced item' },
  },
  check(context) {
    const { sheet, report } = context;
    const node = sheet.field('別表');
    const description = sheet.sectionContent('対象情報の記述');
    if (!node || !description) return;
    const base = node.valueSpan.start;
    for (const ref of parseReferenceList(node.value).refs) {
      if (checkReference(ref).status === 'invalid') continue;
      const legal = referenceLegalText(ref);
      if (sharesWord(context, description.section, wordsOf(context, [legal.heading, ...legal.lines].join('\n')))) continue;
      const written = node.value.slice(ref.span.start, ref.span.end);
      report({
        span: { start: base + ref.span.start, end: base + ref.span.end },
        message: {
          ja: `対象情報の記述が「${written}」の事項・細目の文言と共通する語を含みません。細目が記述と整合しているか確認してください(2015年の報告では外務省2件・海上保安庁1件が指摘されました)`,
          en: `the description shares no content word with ${written}; check that the 細目 matches the description (the 2015 oversight report flagged 3 such cases)`,
        },
      });
    }
  },
});
