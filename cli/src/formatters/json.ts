import type { RunReport } from '../report';

/** Chunks of about this many UTF-16 units are handed to the writer. */
const CHUNK = 1 << 20;

/**
 * The JSON report as a list of chunks to write in order; their concatenation is exactly
 * `JSON.stringify(report, null, 2) + '\n'`. A run with millions of diagnostics does not fit in
 * one JavaScript string (`RangeError: Invalid string length`), so arrays and the objects that
 * hold them are written element by element; each object of plain values (a diagnostic, the
 * summary) is one `JSON.stringify`, re-indented to its depth.
 */
export function formatJsonChunks(report: RunReport): string[] {
  const chunks: string[] = [];
  let pending = '';
  const emit = (s: string) => {
    pending += s;
    if (pending.length >= CHUNK) {
      chunks.push(pending);
      pending = '';
    }
  };
  writeValue(report, '', emit);
  chunks.push(pending + '\n');
  return chunks;
}

/** The whole JSON report as one string (for small runs and tests; the CLI writes the chunks). */
export function formatJson(report: RunReport): string {
  return formatJsonChunks(report).join('');
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Writes `value` as JSON.stringify(value, null, 2) would at nesting `indent`. */
function writeValue(value: unknown, indent: string, emit: (s: string) => void): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return emit('[]');
    const inner = indent + '  ';
    emit('[');
    value.forEach((element, i) => {
      emit((i === 0 ? '\n' : ',\n') + inner);
      if (isOmitted(element)) emit('null');
      else writeValue(element, inner, emit);
    });
    return emit('\n' + indent + ']');
  }
  if (isContainer(value) && Object.values(value).some(isContainer)) {
    const entries = Object.entries(value).filter(([, v]) => !isOmitted(v));
    if (entries.length === 0) return emit('{}');
    const inner = indent + '  ';
    emit('{');
    entries.forEach(([key, v], i) => {
      emit((i === 0 ? '\n' : ',\n') + inner + JSON.stringify(key) + ': ');
      writeValue(v, inner, emit);
    });
    return emit('\n' + indent + '}');
  }
  // A leaf: strings in JSON never hold a raw line break, so every \n is a line of the layout.
  const text = JSON.stringify(value, null, 2) ?? 'null';
  emit(indent === '' ? text : text.replace(/\n/g, '\n' + indent));
}
