/** Parts of field values that more than one rule reads. */
import type { FieldNode } from '../../syntax/ast';
import type { Span } from '../../types';

/**
 * The date part of an end-date period (`令和13年3月31日まで`), if the value has one. Takes a field,
 * or a 延長's period part as `{ value: periodText, valueSpan: periodSpan }`.
 */
export function endDatePart(node: Pick<FieldNode, 'value' | 'valueSpan'>): { text: string; span: Span } | undefined {
  // Read from the end: `/^(.*?)[\s\u3000]*(まで|迄)$/` retried a run of blanks at every
  // position (quadratic on a long value).
  const v = node.value;
  let end = v.endsWith('まで') ? v.length - 2 : v.endsWith('迄') ? v.length - 1 : -1;
  if (end < 0) return undefined;
  while (end > 0 && /[\s\u3000]/.test(v[end - 1])) end--;
  if (end === 0) return undefined;
  return { text: v.slice(0, end), span: { start: node.valueSpan.start, end: node.valueSpan.start + end } };
}
