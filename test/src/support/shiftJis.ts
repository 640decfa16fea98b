/**
 * Shift_JIS (CP932) encoding for tests, built from the platform's own decoder: every two-byte
 * code is decoded once and the table inverted. Node can decode Shift_JIS but not encode it.
 */
let table: Map<string, number[]> | undefined;

function encoderTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder('shift_jis');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  for (let b = 0xa1; b <= 0xdf; b++) map.set(decoder.decode(Uint8Array.of(b)), [b]);
  table = map;
  return map;
}

export function encodeShiftJis(text: string): Uint8Array {
  const map = encoderTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`U+${code.toString(16)} has no Shift_JIS code`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
