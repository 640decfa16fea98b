'use strict';
/**
 * Deterministic generator of realistic, varied designation sheets for the benchmarks: header
 * fields in the four date styles and both colon widths, 別表 references taken from the catalog,
 * descriptions and reasons composed from phrase pools (so that no two sheets share their
 * paragraphs, and the token cache does not make the run look faster than real use), optional
 * release conditions and remarks, and in about a quarter of the sheets one or two realistic
 * mistakes (a missing or wrong expiry date, a vague 等, a missing requirement, a bad 別表 …).
 *
 * Benchmark inputs only: written by scripts/bench/run.js into a temporary folder it removes.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(xs) {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  some(xs, lo, hi) {
    const copy = xs.slice();
    const n = Math.min(copy.length, this.int(lo, hi));
    const out = [];
    for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

const FW_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s) => String(s).replace(/[0-9]/g, (d) => FW_DIGITS[Number(d)]);
const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function toKanji(n) {
  if (n < 10) return KANJI[n];
  if (n < 100) return `${n >= 20 ? KANJI[Math.floor(n / 10)] : ''}十${n % 10 ? KANJI[n % 10] : ''}`;
  return String(n)
    .split('')
    .map((d) => KANJI[Number(d)])
    .join('');
}

// ---------------------------------------------------------------------------------------------
// The 別表 catalog (core/src/domain/beppyo/data.json): every valid reference, by 号.

function beppyoRefs() {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'core/src/domain/beppyo/data.json'), 'utf8'));
  const refs = {};
  for (const gou of data.gou) {
    const list = [];
    for (const item of gou.items) {
      for (const s of item.saimoku ?? []) {
        if (!s.letter) {
          list.push({ gou: gou.number, kana: item.kana, letter: '', sub: '' });
          continue;
        }
        if (s.subItems && s.subItems.length) for (const sub of s.subItems) list.push({ gou: gou.number, kana: item.kana, letter: s.letter, sub: sub.letter });
        else list.push({ gou: gou.number, kana: item.kana, letter: s.letter, sub: '' });
      }
    }
    refs[gou.number] = list;
  }
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Phrase pools.

const AGENCIES = {
  1: [['防衛省', '防衛'], ['防衛装備庁', '装備'], ['内閣官房', '内閣']],
  2: [['外務省', '外務'], ['内閣官房', '内閣'], ['国家安全保障会議', 'NSC']],
  3: [['警察庁', '警察'], ['公安調査庁', '公調'], ['出入国在留管理庁', '入管'], ['法務省', '法務']],
  4: [['警察庁', '警察'], ['公安調査庁', '公調'], ['海上保安庁', '海保'], ['内閣官房', '内閣']],
};

const MANAGERS = {
  1: ['統合幕僚監部運用部運用第2課長', '陸上幕僚監部防衛部防衛課長', '海上幕僚監部防衛部装備体系課長', '航空幕僚監部運用支援課長', '防衛政策局防衛計画課長', '装備政策部装備政策課長'],
  2: ['総合外交政策局安全保障政策課長', '北米局日米安全保障条約課長', 'アジア大洋州局地域政策参事官', '国際情報統括官組織第一国際情報官', '国家安全保障局参事官'],
  3: ['警備局外事情報部外事課長', '調査第二部第一課長', '調査第一部公安調査管理官', '出入国管理部警備課長', '警備局公安課長'],
  4: ['警備局警備運用部警備第一課長', '警備局国際テロリズム対策課長', '調査第二部第三課長', '警備救難部警備課長', '内閣情報調査室国際部主幹'],
};

const TOPICS = {
  1: {
    what: ['自衛隊の警戒監視活動', '護衛艦及び潜水艦の運用', '弾道ミサイル防衛の態勢', '航空機による哨戒', '島嶼部における部隊の展開', '統合訓練の実施', '防空識別圏における緊急発進', 'サイバー防護隊の活動', '宇宙領域の監視', '電子戦部隊の運用', '後方支援の要領', '指揮通信システムの構成'],
    aspect: ['区域、頻度及び使用する機材の組合せ', '部隊の編成及び配置', '探知距離及び識別の能力', '通信の周波数及び暗号の方式', '展開の順序及び所要日数の見積り', '弾薬及び燃料の集積地並びに集積量', '作戦の想定及び対処の要領', '装備品の性能及び数量', '警戒の態勢及び交代の要領'],
    plan: ['計画', '見積り', '研究の成果', '実施要領'],
    harm: ['我が国の警戒監視の態勢及び能力が露見し、これを回避する行動をとられるおそれがある', '相手方に対抗措置を講じられ、部隊の任務の遂行に著しい支障を生ずるおそれがある', '自衛隊の能力の限界が推察され、我が国に対する攻撃が容易となるおそれがある'],
  },
  2: {
    what: ['外国の政府との交渉', '国際機関における協議', '経済安全保障に関する協力', '海洋における権益の確保', '領域の保全に関する協議', '邦人の保護に係る調整', '輸出管理に関する協力', '防衛装備品の移転に係る協議'],
    aspect: ['方針及び対処の要領', '我が国が譲歩し得る範囲', '交渉の期限の見込み', '相手国の立場に関する分析', '協力の枠組み及び分担', '提案の内容及び提示の時期'],
    plan: ['方針', '分析', '記録', '対処方針'],
    harm: ['我が国の交渉上の立場が相手国に知られて交渉が著しく困難となる', '相手国との信頼関係が損なわれ、今後の協力が得られなくなる', '我が国の外交上の選択肢が狭められ、国益が著しく損なわれる'],
  },
  3: {
    what: ['外国の政府から提供された情報', '大量破壊兵器の関連物資の調達活動', '外国の情報機関による働きかけ', '重要技術の流出を図る活動', '協力者から得た情報', '在留外国人に関する調査'],
    aspect: ['提供元の機関の名称', '調査の対象及び手法', '協力者の氏名及び接触の方法', '監視の体制及び期間', '取得した物資の種類及び経路', '把握している組織の構成'],
    plan: ['情報', '調査の結果', '分析', '記録'],
    harm: ['提供元の政府との信頼関係が損なわれ、今後の情報提供が受けられなくなる', '調査の手法が知られ、対象者に証拠を隠滅される', '協力者の生命又は身体に危険が及ぶ'],
  },
  4: {
    what: ['テロリズムの防止のための措置', '重要施設の警備', '国際テロ組織に関する情報の収集', '大規模行事における警護', '銃器対策部隊の運用', '爆発物の探知', '重要インフラの防護'],
    aspect: ['警備の配置及び交代の要領', '部隊の編成及び装備', '情報の収集源及び収集の方法', '対処の手順及び連絡の体制', '警護の経路及び時刻', '探知機器の性能及び配置'],
    plan: ['計画', '実施要領', '情報', '分析の結果'],
    harm: ['警備の隙を突かれてテロリズムが実行されるおそれがある', '情報源が特定され、今後の情報収集が困難となる', '対処の手順が知られ、その裏をかかれるおそれがある'],
  },
};

const TIMES = ['令和{y}年度に', '令和{y}年中に', '令和{y}年度から令和{y2}年度までに', '{w}年度に', '令和{y}年{m}月から令和{y2}年{m}月までに'];
const DOERS = ['自衛隊', '当省', '当庁', '関係機関', '政府', '在外公館', '地方支分部局', '関係省庁'];
const VERBS = ['実施する', '作成する', '策定する', '収集した', '取得した', '行う', '検討する', '運用する'];
const PUBLIC_EXCLUSIONS = ['既に公表した事項', '報道発表した内容', '白書に記載した事項', '国会で答弁した内容', '既に公開した訓練の名称', '公刊物に掲載されたもの'];
const INCLUDES = ['関係する部隊の名称', '担当する職員の官職', '使用する機材の型式', '期限の見込み', '連絡の手段', '参加する国及び機関'];
const LIMITED = ['計画の作成及び実施に携わる限られた職員のみが知るもの', '担当する限られた職員の間でのみ共有されているもの', '関係する部署の限られた職員のみが取り扱うもの', '提供元と当方の限られた職員のみが知り得るもの'];
const NOT_PUBLIC = ['公になっていない', '公になっておらず、報道されたこともない', '公表されていない', '公にされていない'];
const REMARKS = [
  '対象情報を記録する文書は、特定秘密取扱区画において保管し、複製は作成しない。',
  '関係機関との協議に用いる資料は、協議の終了後直ちに回収する。',
  '本指定は、前年度の同種の計画に係る指定の後継である。',
  '電磁的記録は、外部の通信回線に接続しない端末でのみ取り扱う。',
  '取扱者の範囲は、指定の都度見直す。',
  '本件に係る会議の記録は、作成の日から一年を経過した後に廃棄の要否を判断する。',
];
const RELEASE = [
  '交渉が妥結し、又は打ち切られ、その結果が公表されたとき。',
  '本計画が廃止され、又は後継の計画に置き換えられて、本件情報を秘匿する必要がなくなったとき。',
  '提供元の政府が本件情報の公表に同意したとき。',
  '当該行事が終了し、警備の態勢を秘匿する必要がなくなったとき。',
];

// ---------------------------------------------------------------------------------------------
// Dates: 指定年月日 + 有効期間 years − 1 day = 満了日 (as the expiry rule computes it).

function dateText(y, m, d, style) {
  if (style === 'western') return `${y}年${m}月${d}日`;
  const era = y - 2018;
  if (style === 'kanji') return `令和${era === 1 ? '元' : toKanji(era)}年${toKanji(m)}月${toKanji(d)}日`;
  const s = `令和${era}年${m}月${d}日`;
  return style === 'full' ? toFullWidth(s) : s;
}

function periodText(years, style) {
  if (style === 'kanji') return `${toKanji(years)}年`;
  return style === 'full' ? `${toFullWidth(years)}年` : `${years}年`;
}

function expiry(y, m, d, years) {
  const t = new Date(Date.UTC(y + years, m - 1, d));
  t.setUTCDate(t.getUTCDate() - 1);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function refText(ref, style) {
  const gou = style === 'kanji' ? toKanji(ref.gou) : style === 'full' ? toFullWidth(ref.gou) : String(ref.gou);
  const letter = style === 'full' ? ref.letter.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : ref.letter;
  return `別表第${gou}号${ref.kana}${letter}${ref.sub ? `(${ref.sub})` : ''}`;
}

// ---------------------------------------------------------------------------------------------

function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(ctx[k]));
}

function descriptionItem(rng, topic, ctx, n) {
  const head = n === undefined ? '' : `${toKanji(n)} `;
  const include = rng.chance(0.5) ? `(${rng.pick(INCLUDES)}を含む。)` : '';
  const exclude = rng.chance(0.4) ? `(${rng.pick(PUBLIC_EXCLUSIONS)}を除く。)` : '';
  return `${head}${fill(rng.pick(TIMES), ctx)}${rng.pick(DOERS)}が${rng.pick(VERBS)}${rng.pick(topic.what)}に係る${rng.pick(topic.plan)}のうち、${rng.pick(topic.aspect)}${include}${exclude}`;
}

/** One sheet. `targetBytes` pads the description and remarks with further items up to about that size. */
function generateSheet(seed, options = {}) {
  const rng = new Rng(seed * 2654435761 + 17);
  const refsByGou = options.refs ?? beppyoRefs();
  const gou = options.gou ?? rng.int(1, 4);
  const topic = TOPICS[gou];
  const [agency, short] = rng.pick(AGENCIES[gou]);
  const ref = rng.pick(refsByGou[gou]);
  const style = rng.pick(['half', 'half', 'full', 'kanji', 'western']);
  const colon = style === 'western' || rng.chance(0.2) ? ':' : '：';
  const y = rng.int(2025, 2027);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const years = rng.pick([1, 2, 2, 3, 3, 4, 5]);
  const [ey, em, ed] = expiry(y, m, d, years);
  const ctx = { y: y - 2018, y2: y - 2017, w: y, m };
  const flaws = new Set(options.flaws ?? (rng.chance(0.25) ? rng.some(['no-expiry', 'wrong-expiry', 'vague', 'no-secrecy', 'bad-beppyo', 'bad-date', 'too-long', 'no-summary', 'unknown-field'], 1, 2) : []));

  const lines = [];
  lines.push(`# 生成した指定書(ベンチマーク用、内容は架空) seed=${seed}`);
  const field = (name, value) => lines.push(`${name}${colon}${value}`);
  field('整理番号', `${short}-${y}-${String(seed).padStart(5, '0')}`);
  field('行政機関', agency);
  field('指定年月日', flaws.has('bad-date') ? dateText(y, 2, 30, style) : dateText(y, m, d, style));
  field('有効期間', periodText(flaws.has('too-long') ? 6 : years, style));
  if (!flaws.has('no-expiry')) field('満了日', flaws.has('wrong-expiry') ? dateText(ey, em, Math.min(ed + 1, 28), style) : dateText(ey, em, ed, style));
  const refShown = flaws.has('bad-beppyo') ? `別表第${gou}号ヲz` : refText(ref, style === 'full' ? 'full' : 'half');
  field('別表', refShown);
  field('措置', rng.pick(['表示', '表示', '通知']));
  field('特定秘密管理者', rng.pick(MANAGERS[gou]));
  if (flaws.has('unknown-field')) field('担当者', '調整官');
  lines.push('');

  const description = [];
  const items = rng.int(0, 3);
  if (items === 0) description.push(descriptionItem(rng, topic, ctx) + (flaws.has('vague') ? `及びその他${rng.pick(topic.aspect)}等` : ''));
  else {
    description.push(`${fill(rng.pick(TIMES), ctx)}${rng.pick(DOERS)}が${rng.pick(VERBS)}${rng.pick(topic.what)}に係る${rng.pick(topic.plan)}のうち、次に掲げる情報(${rng.pick(PUBLIC_EXCLUSIONS)}を除く。)`);
    for (let i = 1; i <= items; i++) description.push(descriptionItem(rng, topic, ctx, i) + (flaws.has('vague') && i === 1 ? '等' : ''));
  }

  const reason = [];
  reason.push(`本件情報は、${rng.pick(topic.what)}に関する${rng.pick(topic.plan)}であり、${refShown}に該当する。`);
  reason.push(`本件情報は、${rng.pick(LIMITED)}であり、${rng.pick(NOT_PUBLIC)}。`);
  if (!flaws.has('no-secrecy')) reason.push(`本件情報が漏えいした場合には、${rng.pick(topic.harm)}ため、特段の秘匿の必要性がある。`);
  if (years >= 5) reason.push(`事態の推移を見通すことができないため、有効期間を${periodText(years, style)}とした上で、次の条件が生じたときは指定を解除する。`);

  const remarks = rng.chance(0.5) ? rng.some(REMARKS, 1, 3) : [];

  // Pad to the requested size with further numbered items and remarks (realistic lengths).
  if (options.targetBytes) {
    const size = () => Buffer.byteLength(lines.join('\n') + description.join('\n') + reason.join('\n') + remarks.join('\n'), 'utf8') + 200;
    let n = Math.max(items, 1) + 1;
    if (items === 0) description[0] = description[0].replace(/のうち、/, 'のうち、次に掲げる情報を含むもの。');
    while (size() < options.targetBytes) {
      description.push(descriptionItem(rng, topic, ctx, n++));
      if (n % 3 === 0) reason.push(`${toKanji(n)} 本件情報のうち${rng.pick(topic.aspect)}は、${rng.pick(LIMITED)}であり、${rng.pick(NOT_PUBLIC)}。これが漏えいした場合には、${rng.pick(topic.harm)}。`);
      if (n % 4 === 0) remarks.push(`${rng.pick(REMARKS)}(${fill(rng.pick(TIMES), ctx)}${rng.pick(DOERS)}が確認する。)`);
    }
  }

  lines.push('【対象情報の記述】', ...description, '');
  lines.push('【指定の理由】', ...reason, '');
  if (years >= 5 || /交渉/.test(description.join('') + reason.join('')) || rng.chance(0.15)) lines.push(rng.pick(['【解除の条件】', '【指定を解除する条件】']), rng.pick(RELEASE), '');
  if (!flaws.has('no-summary')) lines.push(rng.pick(['【概要】', '【特定秘密の概要】']), `${fill(rng.pick(TIMES), ctx).replace(/に$/, 'の')}${rng.pick(topic.what)}に係る${rng.pick(topic.plan)}`, '');
  if (remarks.length) lines.push('【備考】', ...remarks, '');
  const eol = options.eol ?? (rng.chance(0.1) ? '\r\n' : '\n');
  return lines.join(eol);
}

/** Writes `count` distinct sheets into `dir`; returns their paths and total size. */
function writeSheets(dir, count, seed = 1) {
  fs.mkdirSync(dir, { recursive: true });
  const refs = beppyoRefs();
  const files = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = generateSheet(seed * 100000 + i, { refs });
    const file = path.join(dir, `sheet-${String(i).padStart(4, '0')}.shitei`);
    fs.writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

module.exports = { generateSheet, writeSheets, beppyoRefs, Rng };

if (require.main === module) {
  // node scripts/bench/generate.js [SEED] [BYTES]: print one sheet.
  const seed = Number(process.argv[2] ?? 1);
  const bytes = process.argv[3] ? Number(process.argv[3]) : undefined;
  process.stdout.write(generateSheet(seed, { targetBytes: bytes }));
}
