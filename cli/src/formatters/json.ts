import type { RunReport } from '../report';
import { ChunkBuffer, joinChunks } from './chunks';

/**
 * The JSON report in chunks to write in order (chunks.ts); their concatenation is exactly
 * `JSON.stringify(report, null, 2) + '\n'`. Arrays and the objects that hold them are written
 * element by element; an object of plain values (a diagnostic, the summary) is written in one go
 * by `flatObject` from the key and value texts a report repeats — a million diagnostics are a
 * million objects of the same eight keys, most with the same code, severity and message.
 */
export function* formatJsonChunks(report: RunReport): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  yield* new JsonWriter(out).value(report, '');
  out.add('\n');
  yield out.take();
}

/** The whole JSON report as one string (for small runs and tests; the CLI writes the chunks). */
export function formatJson(report: RunReport): string {
  return joinChunks(formatJsonChunks(report));
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

class JsonWriter {
  /** `\n<indent>"key": ` per indent and key. */
  private readonly prefixes = new Map<string, Map<string, string>>();
  /** JSON texts of the strings a report repeats (codes, severities, messages), up to a bound. */
  private readonly strings = new Map<string, string>();
  /**
   * Plain objects are read key by key with for…in (V8 answers it from the object's shape) —
   * unless Object.prototype has been given enumerable keys or a toJSON, when for…in and
   * JSON.stringify would disagree: then every object goes the general way.
   */
  private readonly fastObjects = !prototypeIsAltered();

  constructor(private readonly out: ChunkBuffer) {}

  /** Writes `value` as JSON.stringify(value, null, 2) would at nesting `indent`, yielding full chunks. */
  *value(value: unknown, indent: string): Generator<string, void, undefined> {
    const out = this.out;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        out.add('[]');
        return;
      }
      const inner = indent + '  ';
      const open = '\n' + inner;
      const next = ',\n' + inner;
      out.add('[');
      for (let i = 0; i < value.length; i++) {
        const element: unknown = value[i];
        out.add(i === 0 ? open : next);
        if (isOmitted(element)) out.add('null');
        else if (!this.flatObject(element, inner)) yield* this.value(element, inner);
        if (out.add('')) yield out.take();
      }
      out.add('\n' + indent + ']');
      return;
    }
    if (this.flatObject(value, indent)) return;
    if (isContainer(value) && Object.values(value).some(isContainer)) {
      const entries = Object.entries(value).filter(([, v]) => !isOmitted(v));
      if (entries.length === 0) {
        out.add('{}');
        return;
      }
      const inner = indent + '  ';
      out.add('{');
      for (let i = 0; i < entries.length; i++) {
        const [key, v] = entries[i];
        out.add((i === 0 ? '\n' : ',\n') + inner + JSON.stringify(key) + ': ');
        yield* this.value(v, inner);
      }
      out.add('\n' + indent + '}');
      return;
    }
    // Any other leaf: strings in JSON never hold a raw line break, so every \n is a line of the layout.
    const text = JSON.stringify(value, null, 2) ?? 'null';
    out.add(indent === '' ? text : text.replace(/\n/g, '\n' + indent));
  }

  /**
   * A plain object whose values are all strings, finite numbers, booleans, null or omitted,
   * written as JSON.stringify(value, null, 2) writes it at nesting `indent`; false (nothing
   * written) for any other value.
   */
  private flatObject(value: unknown, indent: string): boolean {
    if (!this.fastObjects || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if ((typeof v === 'object' && v !== null) || typeof v === 'bigint' || key === 'toJSON') return false;
    }
    const inner = indent + '  ';
    let prefixes = this.prefixes.get(inner);
    if (!prefixes) this.prefixes.set(inner, (prefixes = new Map()));
    // The object's text is added as one part: a million diagnostics made twenty-four million
    // parts for the chunks to join, and the join's cost per part was most of the output's.
    let text = '';
    let first = true;
    for (const key in record) {
      const v = record[key];
      let written: string;
      if (typeof v === 'string') written = this.string(v);
      else if (typeof v === 'number') written = Number.isFinite(v) ? String(v) : 'null';
      else if (typeof v === 'boolean') written = v ? 'true' : 'false';
      else if (v === null) written = 'null';
      else continue; // undefined, a function, a symbol: left out, as JSON.stringify does
      let prefix = prefixes.get(key);
      if (prefix === undefined) {
        prefix = '\n' + inner + JSON.stringify(key) + ': ';
        if (prefixes.size < 256) prefixes.set(key, prefix);
      }
      text += (first ? '{' : ',') + prefix + written;
      first = false;
    }
    this.out.add(first ? '{}' : text + '\n' + indent + '}');
    return true;
  }

  private string(s: string): string {
    let text = this.strings.get(s);
    if (text === undefined) {
      text = JSON.stringify(s);
      if (this.strings.size >= 4096) this.strings.clear();
      // A long string is rarely repeated: not worth holding.
      if (s.length <= 1000) this.strings.set(s, text);
    }
    return text;
  }
}

function prototypeIsAltered(): boolean {
  for (const _ in Object.prototype) return true;
  return 'toJSON' in Object.prototype;
}
