import { defineRule } from './types';
import { DESIGNATING_AGENCIES, knownAgencies } from '../domain/agencies';
import { nearest } from './support/util';

export default defineRule({
  meta: {
    code: 'agency-unknown',
    category: 'agency',
    defaultSeverity: 'info',
    basis: '法第2条; 令第3条',
    fixable: true,
    needsTokens: false,
    description: { ja: '行政機関が既知の一覧にない', en: 'the agency is not in the known list' },
  },
  check({ sheet, config, report }) {
    const node = sheet.field('行政機関');
    if (!node) return;
    const known = knownAgencies(config.agencies);
    if (known.includes(node.value)) return;
    // Suggest only agencies that may designate: an excluded one would be agency-not-authorized.
    const guess = nearest(node.value, [...DESIGNATING_AGENCIES, ...config.agencies]);
    report({
      span: node.valueSpan,
      message: guess
        ? { ja: `行政機関「${node.value}」は既知の一覧にありません。「${guess}」のことですか`, en: `the agency "${node.value}" is not known; did you mean ${guess}?` }
        : { ja: `行政機関「${node.value}」は既知の一覧にありません(設定の "agencies" で追加できます)`, en: `the agency "${node.value}" is not known (add it to "agencies" in .shiteirc.json)` },
      fixes: guess ? [{ title: { ja: `「${guess}」に直す`, en: `Change to ${guess}` }, edits: [{ span: node.valueSpan, newText: guess }], isPreferred: true }] : [],
    });
  },
});
