/**
 * The 別表 of 特定秘密保護法 (号 1–4, items イ…) with the 事項の細目 of 運用基準 II 1(1).
 * The data is generated from the reference text by scripts/extract-beppyo.js and committed as
 * data.json, so that the checker works without the reference folder.
 */
import data from './data.json';

/** A sub-item `(a)` of a lettered 細目 (e.g. 第1号イa(a) 自衛隊の訓練又は演習). */
export interface SubItem {
  letter: string;
  text: string;
}

/** One 事項の細目; `letter` is null for an item's single unlettered 細目 (e.g. 第1号ハ). */
export interface Saimoku {
  letter: string | null;
  text: string;
  subItems: SubItem[];
}

export interface BeppyoItem {
  gou: number;
  kana: string;
  /** The item as the law's 別表 words it. */
  lawText: string;
  /** The item heading in 運用基準 II 1(1); it can differ from the law (e.g. 第1号ホ adds 船舶). */
  kijunHeading: string;
  saimoku: Saimoku[];
}

export interface Gou {
  number: number;
  /** From the 運用基準 heading, e.g. 防衛に関する事項. */
  title: string;
  /** As the law's 別表 words it (the same text, kept separately in case they ever differ). */
  lawTitle: string;
  items: BeppyoItem[];
}

/** The order of the item kana; the 号 use a prefix of it (1号 イ–ヌ, 2号 イ–ホ, 3号/4号 イ–ニ). */
export const KANA_ORDER = 'イロハニホヘトチリヌ';

// Copy into fresh typed objects: the JSON module's inferred type is wider (letter: string | null
// everywhere) and callers must not be able to mutate the shared catalog through it by accident.
export const BEPPYO: readonly Gou[] = Object.freeze(
  data.gou.map(
    (g): Gou => ({
      number: g.number,
      title: g.title,
      lawTitle: g.lawTitle,
      items: g.items.map(
        (it): BeppyoItem => ({
          gou: it.gou,
          kana: it.kana,
          lawText: it.lawText,
          kijunHeading: it.kijunHeading,
          saimoku: it.saimoku.map(
            (s): Saimoku => ({
              letter: s.letter ?? null,
              text: s.text,
              subItems: s.subItems.map((x): SubItem => ({ letter: x.letter, text: x.text })),
            }),
          ),
        }),
      ),
    }),
  ),
);

export function findGou(n: number | null | undefined): Gou | undefined {
  return BEPPYO.find((g) => g.number === n);
}

/** The item `kana` of 号 `gou` (a number or a Gou). */
export function findItem(gou: number | Gou | null | undefined, kana: string | null | undefined): BeppyoItem | undefined {
  const g = typeof gou === 'number' || gou == null ? findGou(gou) : gou;
  return g?.items.find((it) => it.kana === kana);
}

/** The 細目 `letter` of an item; `null` finds the single unlettered 細目 where there is one. */
export function findSaimoku(item: BeppyoItem | undefined, letter: string | null | undefined): Saimoku | undefined {
  return item?.saimoku.find((s) => s.letter === (letter ?? null));
}

/** True when the item's 細目 are lettered (a, b, …), so a reference must name one. */
export function hasLetteredSaimoku(item: BeppyoItem): boolean {
  return item.saimoku.some((s) => s.letter !== null);
}
