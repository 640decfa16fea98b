import { seriesInconsistent } from '../../../core/out/workspace/workspaceRules';
import { workspaceRuleTests } from '../support/workspaceRuleTester';
import { sheet } from '../support/sheet';

const DESCRIPTION = '年度に実施する自衛隊の統合演習の計画(参加部隊の編成及び実施区域を含む。)';
const year = (era: string, fields: Record<string, string> = {}) => sheet({
  fields: { 整理番号: `防衛-${era}`, ...fields },
  sections: { 対象情報の記述: `${era}${DESCRIPTION}` },
});

workspaceRuleTests(seriesInconsistent, [
  { name: 'a yearly series that agrees', files: { 'r7.shitei': year('令和7'), 'r8.shitei': year('令和8') }, expect: {} },
  {
    name: 'the 別表 differs between the years: reported on each, on 整理番号',
    files: { 'r7.shitei': year('令和7', { 別表: '別表第1号イa(b)' }), 'r8.shitei': year('令和8') },
    expect: { 'r7.shitei': [2], 'r8.shitei': [2] },
    messages: { 'r7.shitei': { ja: ['r8.shitei', '別表'], en: ['r8.shitei', '別表'] } },
  },
  {
    name: 'the measure and the agency differ',
    files: { 'r7.shitei': year('令和7', { 措置: '通知', 行政機関: '防衛装備庁' }), 'r8.shitei': year('令和8') },
    expect: { 'r7.shitei': [2], 'r8.shitei': [2] },
    messages: { 'r8.shitei': { ja: ['措置', '行政機関'], en: ['measure', 'agency'] } },
  },
  {
    name: '表示 and 第1号 are the same measure',
    files: { 'r7.shitei': year('令和7', { 措置: '第1号' }), 'r8.shitei': year('令和8') },
    expect: {},
  },
  {
    name: 'descriptions that differ beyond their periods are not a series',
    files: { 'r7.shitei': sheet({ fields: { 整理番号: '防衛-1', 別表: '別表第1号イa(b)' }, sections: { 対象情報の記述: '令和7年度に実施する自衛隊の離島防衛訓練の計画' } }), 'r8.shitei': year('令和8') },
    expect: {},
  },
]);
