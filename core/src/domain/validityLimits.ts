/**
 * 法第4条第2項–第4項: each 延長 at most 5 years; in total more than 30 years needs the Cabinet's
 * approval; never more than 60 years, except information on the matters of 第4項各号, mapped here
 * to the 別表 items and 細目 that hold such information.
 */
export interface SixtyYearException {
  gou: number;
  kana: string;
  /** Only this 細目 of the item, or the whole item when undefined. */
  saimoku?: string;
  matter: string;
}

export const SIXTY_YEAR_EXCEPTIONS: readonly SixtyYearException[] = [
  // 第1号: 武器、弾薬、航空機その他の防衛の用に供する物
  { gou: 1, kana: 'ホ', matter: '第1号 防衛の用に供する物' },
  { gou: 1, kana: 'チ', matter: '第1号 防衛の用に供する物' },
  { gou: 1, kana: 'リ', matter: '第1号 防衛の用に供する物' },
  // 第2号: 現に行われている外国の政府又は国際機関との交渉に不利益を及ぼすおそれのある情報
  { gou: 2, kana: 'イ', matter: '第2号 現に行われている外国の政府等との交渉' },
  // 第3号・第4号: 情報収集活動の手法又は能力、人的情報源に関する情報
  { gou: 1, kana: 'ハ', matter: '第3号・第4号 情報収集活動の手法又は能力、人的情報源' },
  { gou: 2, kana: 'ニ', matter: '第3号・第4号 情報収集活動の手法又は能力、人的情報源' },
  { gou: 3, kana: 'ハ', matter: '第3号・第4号 情報収集活動の手法又は能力、人的情報源' },
  { gou: 4, kana: 'ハ', matter: '第3号・第4号 情報収集活動の手法又は能力、人的情報源' },
  // 第5号: 暗号
  { gou: 1, kana: 'ト', matter: '第5号 暗号' },
  { gou: 2, kana: 'ホ', matter: '第5号 暗号' },
  { gou: 3, kana: 'ニ', matter: '第5号 暗号' },
  { gou: 4, kana: 'ニ', matter: '第5号 暗号' },
  // 第6号: 外国の政府又は国際機関から60年を超えて指定を行うことを条件に提供された情報
  { gou: 1, kana: 'ロ', saimoku: 'b', matter: '第6号 外国の政府等から条件を付して提供された情報' },
  { gou: 2, kana: 'ハ', saimoku: 'b', matter: '第6号 外国の政府等から条件を付して提供された情報' },
  { gou: 3, kana: 'ロ', saimoku: 'b', matter: '第6号 外国の政府等から条件を付して提供された情報' },
  { gou: 4, kana: 'ロ', saimoku: 'b', matter: '第6号 外国の政府等から条件を付して提供された情報' },
];

export function sixtyYearException(ref: { gou: number | null; kana: string | null; saimoku?: string | null }): SixtyYearException | undefined {
  return SIXTY_YEAR_EXCEPTIONS.find((e) => e.gou === ref.gou && e.kana === ref.kana && (!e.saimoku || e.saimoku === ref.saimoku));
}
