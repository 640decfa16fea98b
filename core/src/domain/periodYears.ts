/**
 * The years a period expression names (令和8年度 → 2026; 令和8年4月から令和10年3月まで → 2026–2028),
 * for comparing the 概要's period with the description's (summary-period-mismatch).
 */
import { foldWidth } from '../text/normalize';
import { NUMBER_CLASS, parseJapaneseNumber } from './numbers';
import { ERA_NAMES, findEra } from './dates';

const YEAR_RE = new RegExp(`(?:(${ERA_NAMES})[ \\t]*(元|${NUMBER_CLASS})|(?<![0-9])([0-9]{4})(?=[ \\t]*[年\\-/.])|(${NUMBER_CLASS})(?=[ \\t]*年))`, 'g');

/** Western year numbers named by one period expression's text; empty for a placeholder year. */
export function yearsNamed(expression: string): number[] {
  const f = foldWidth(expression);
  const found: number[] = [];
  for (const m of f.matchAll(YEAR_RE)) {
    if (m[1] !== undefined) {
      const era = findEra(m[1]);
      const n = m[2] === '元' ? 1 : parseJapaneseNumber(m[2]);
      if (era && n !== undefined && n >= 1) found.push(era.start.year + n - 1);
    } else {
      const n = parseJapaneseNumber(m[3] ?? m[4]);
      if (n !== undefined && n >= 1800 && n <= 2999) found.push(n);
    }
  }
  if (found.length === 0) return [];
  let min = Math.min(...found);
  let max = Math.max(...found);
  if (/翌年/.test(f)) max += 1;
  if (/前年/.test(f)) min -= 1;
  // A range names every year it spans (令和8年度から令和10年度まで covers 令和9年度 too).
  const out: number[] = [];
  for (let y = min; y <= max && out.length < 100; y++) out.push(y);
  return out;
}
