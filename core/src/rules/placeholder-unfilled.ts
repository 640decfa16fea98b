import { defineRule } from './types';
import type { Span } from '../types';
import { LineFact } from '../analysis/lineFacts';

// Runs of two or more of the same placeholder mark, or XX / TODO standing as a word.
// A run of 〇 inside a kanji numeral (二〇〇〇年) is a number, not a placeholder.
const PLACEHOLDER = /([○〇●×△＿])\1+|(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[XＸ]{2,}|TODO|ＴＯＤＯ)(?![A-Za-zＡ-Ｚａ-ｚ])/g;
const KANJI_DIGIT = /[一二三四五六七八九十百千]/;

export function findPlaceholders(text: string, offset: number): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[1] === '〇' && (KANJI_DIGIT.test(text[start - 1] ?? '') || KANJI_DIGIT.test(text[end] ?? ''))) continue;
    found.push({ start: offset + start, end: offset + end });
  }
  return found;
}

const PLACEHOLDERS = new LineFact<readonly Span[]>('placeholders');
const inLine = (line: string) => findPlaceholders(line, 0);

export default defineRule({
  meta: {
    code: 'placeholder-unfilled',
    category: 'structure',
    defaultSeverity: 'warning',
    basis: '基準 II 3(2)(3)',
    fixable: false,
    needsTokens: false,
    description: { ja: '○○・TODO などの仮置きが残っている', en: 'a placeholder (○○, TODO, …) remains' },
  },
  check({ sheet, report }) {
    const spans: Span[] = [];
    for (const f of sheet.syntax.fields) {
      // The line's placeholders (kept with its facts) that lie in the value; the name is not a value.
      const from = f.valueSpan.start - f.lineSpan.start;
      const to = f.valueSpan.end - f.lineSpan.start;
      for (const p of sheet.lineFacts({ line: f.line, span: f.lineSpan }).get(PLACEHOLDERS, inLine)) {
        if (p.start >= from && p.end <= to) spans.push({ start: p.start + f.lineSpan.start, end: p.end + f.lineSpan.start });
      }
    }
    for (const s of sheet.syntax.sections) {
      if (s.content.length === 0) continue; // a sheet of a million bare headings
      // Kept with the line's facts (offsets in the line): a keystroke re-scans the line it changed.
      for (const c of s.content) {
        for (const p of sheet.lineFacts(c).get(PLACEHOLDERS, inLine)) {
          spans.push({ start: p.start + c.span.start, end: p.end + c.span.start });
        }
      }
    }
    for (const span of spans) {
      const mark = sheet.text.slice(span.start, span.end);
      report({
        span,
        message: { ja: `仮置きの「${mark}」が残っています`, en: `the placeholder "${mark}" has not been filled in` },
      });
    }
  },
});
