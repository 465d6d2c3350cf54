/** Deterministic randomness and Chinese names for the demo city: the same seed builds the same Puyang. */

export type Rng = () => number;

/** mulberry32: a small seeded generator, good enough to pick names and dates. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// Surnames in roughly the order of their frequency in Henan; earlier ones are picked more often.
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔汤',
];
const GIVEN_F = [...'秀英丽娟敏静燕艳芳霞玲红梅兰洁琳雪婷慧颖佳怡欣萍晶倩璐瑶'];
const GIVEN_M = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帅龙林峰晨阳'];
const GIVEN_ANY = [...'建国志海文晓春永新云金立德玉子思雨博嘉一安'];

/** A plausible full name; `female` picks the given name's characters. */
export function personName(rng: Rng, female: boolean): string {
  const i = Math.floor(rng() ** 1.7 * SURNAMES.length);
  const own = female ? GIVEN_F : GIVEN_M;
  const given = rng() < 0.25 ? pick(rng, own) : `${pick(rng, [...own, ...GIVEN_ANY])}${pick(rng, own)}`;
  return `${SURNAMES[i]}${given}`;
}

/** Words organisations in Puyang put in their names. */
export const ORGANISATION_WORDS = [
  '仁爱',
  '同心',
  '益民',
  '善行',
  '阳光',
  '春晖',
  '明德',
  '和谐',
  '康宁',
  '惠民',
  '博爱',
  '启航',
  '暖心',
  '德润',
  '安康',
  '睦邻',
  '乐群',
  '众合',
];

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A GB 32100 code (both check characters right, DOMAIN-NOTES §5) for a social organisation registered by 民政
 * (5…) in the given county (area code), distinct per serial.
 */
export function creditCode(areaCode: string, serial: number): string {
  const org = String(56_000_000 + serial * 7919).slice(-8);
  const orgSum = ORG_WEIGHTS.reduce((s, w, i) => s + Number(org[i]) * w, 0);
  const c9 = 11 - (orgSum % 11);
  const body = `52${areaCode}${org}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const sum = WEIGHTS.reduce((s, w, i) => s + CHARSET.indexOf(body[i]) * w, 0);
  return body + CHARSET[(31 - (sum % 31)) % 31];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A GB 11643 number (valid check character) for someone born on `birth` (YYYY-MM-DD) in the area; odd seq is male. */
export function citizenId(areaCode: string, birth: string, seq: number): string {
  const body = `${areaCode}${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + Number(body[i]) * w, 0);
  return body + '10X98765432'[sum % 11];
}

/** A mobile number (China Mobile / Unicom / Telecom prefixes), not a real subscriber's by intent. */
export function mobile(rng: Rng): string {
  return `${pick(rng, ['138', '139', '150', '151', '158', '176', '185', '186', '187', '133', '153', '180'])}${String(
    between(rng, 0, 99_999_999),
  ).padStart(8, '0')}`;
}
