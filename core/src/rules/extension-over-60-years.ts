import { defineRule } from './types';
import { firstStepBeyond } from './support/extensionTotal';
import { formatDate } from '../domain/dates';
import { parseReferenceList, checkReference } from '../domain/beppyo/reference';
import { sixtyYearException } from '../domain/validityLimits';

export default defineRule({
  meta: {
    code: 'extension-over-60-years',
    category: 'extensions',
    defaultSeverity: 'error',
    basis: '法第4条第4項',
    fixable: false,
    needsTokens: false,
    description: { ja: '通じて60年を超える(法第4条第4項各号の例外に当たらない)', en: 'beyond 60 years in total, and not an exception of 法第4条第4項' },
  },
  check({ sheet, report }) {
    const step = firstStepBeyond(sheet, 60);
    if (!step) return;
    const refs = parseReferenceList(sheet.field('別表')?.value ?? '').refs.filter((r) => checkReference(r).status !== 'invalid');
    if (refs.some((r) => sixtyYearException(r))) return;
    const until = formatDate(step.expiry, sheet.expiryStyle);
    report({
      span: step.node!.valueSpan,
      message: {
        ja: `この延長で有効期間が通じて60年を超えます(満了日 ${until})。別表の事項が法第4条第4項各号(武器等、交渉、情報収集の手法・能力、人的情報源、暗号、外国から条件付きで提供された情報)に当たらないため、延長できません`,
        en: `with this extension the validity exceeds 60 years in total (expiry ${until}), which 法第4条第4項 allows only for its listed matters (defence equipment, ongoing negotiations, intelligence methods and capabilities, human sources, cryptography, information provided on that condition); the cited 別表 item is none of them`,
      },
    });
  },
});
