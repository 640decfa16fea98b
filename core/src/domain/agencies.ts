/**
 * Agencies of the national government. 令第3条 excludes some of them from designating
 * 特定秘密 (they hold no information of the kinds in the 別表); the rest may designate.
 */
export const EXCLUDED_AGENCIES: readonly string[] = [
  '内閣法制局', '消費者庁', '文部科学省', '農林水産省', '水産庁', '国土交通省', '気象庁', '環境省',
];

/** Agencies that may designate, those that designated in the first years listed first. */
export const DESIGNATING_AGENCIES: readonly string[] = [
  '国家安全保障会議', '内閣官房', '警察庁', '総務省', '法務省', '公安調査庁', '外務省', '経済産業省', '海上保安庁', '防衛省',
  '防衛装備庁', '内閣府', '国家公安委員会', '金融庁', '消防庁', '出入国在留管理庁', '公安審査委員会', '財務省',
  '厚生労働省', '資源エネルギー庁', '原子力規制委員会', '宮内庁', '公正取引委員会', '個人情報保護委員会',
  'カジノ管理委員会', 'こども家庭庁', 'デジタル庁', '復興庁', '公害等調整委員会', '国税庁', 'スポーツ庁', '文化庁',
  '中央労働委員会', '林野庁', '特許庁', '中小企業庁', '観光庁', '運輸安全委員会', '人事院', '会計検査院',
];

export function isExcludedAgency(name: string): boolean {
  return EXCLUDED_AGENCIES.includes(name);
}

export function knownAgencies(extra: readonly string[] = []): string[] {
  return [...DESIGNATING_AGENCIES, ...EXCLUDED_AGENCIES, ...extra];
}
