import type { Rng } from './random';

// Names that read like the register of a county in Henan: surnames weighted by their frequency there (a few per
// thousand for the tail), given names of one or two characters, villages named the way the plain names them.

/** Surnames with weights (per thousand, roughly the 2020 census shares in Henan). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 80],
  ['李', 75],
  ['张', 72],
  ['刘', 55],
  ['陈', 35],
  ['杨', 33],
  ['赵', 28],
  ['郭', 20],
  ['孙', 18],
  ['马', 17],
  ['高', 16],
  ['朱', 15],
  ['周', 14],
  ['吴', 12],
  ['徐', 12],
  ['胡', 12],
  ['何', 8],
  ['宋', 12],
  ['郑', 10],
  ['韩', 10],
  ['冯', 9],
  ['田', 9],
  ['牛', 6],
  ['董', 8],
  ['程', 7],
  ['范', 7],
  ['袁', 6],
  ['许', 8],
  ['杜', 6],
  ['曹', 6],
  ['于', 6],
  ['贾', 7],
  ['谢', 5],
  ['申', 4],
  ['崔', 6],
  ['蔡', 4],
  ['史', 5],
  ['段', 4],
  ['常', 4],
  ['魏', 6],
  ['吕', 5],
  ['苏', 4],
  ['丁', 4],
  ['任', 5],
  ['姚', 4],
  ['卢', 4],
  ['侯', 4],
  ['邓', 3],
  ['彭', 3],
  ['梁', 4],
  ['秦', 3],
  ['薛', 3],
  ['闫', 4],
  ['付', 4],
  ['岳', 3],
  ['翟', 2],
  ['焦', 2],
  ['靳', 2],
  ['司马', 1],
  ['欧阳', 1],
];

const MALE_CHARS = '伟军强磊勇杰涛斌超明辉刚建国志华平东海峰林波春生永新文亮浩宇鹏飞俊凯鑫龙振红庆福贵德成'.split('');
const FEMALE_CHARS = '芳娟敏静丽艳霞燕玲萍红梅兰英秀桂凤翠琴云莲娜婷雪慧颖晶欣悦佳怡琳萱雅'.split('');

/** A Chinese name: a surname by frequency, then one or two characters fitting the gender. */
export function personName(rng: Rng, gender: 'male' | 'female', surname?: string): string {
  const s = surname ?? rng.weighted(SURNAMES);
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  return rng.chance(0.22) ? s + rng.pick(chars) : s + rng.pick(chars) + rng.pick(chars);
}

const VILLAGE_SUFFIXES = ['庄', '村', '屯', '寨', '营', '楼', '集', '店', '固', '堤', '口', '湾', '岗', '坡'];
const VILLAGE_PREFIXES = ['', '', '', '前', '后', '东', '西', '南', '北', '大', '小'];
const COMMUNITY_WORDS = [
  '幸福',
  '建设',
  '和平',
  '胜利',
  '振兴',
  '光明',
  '民主',
  '朝阳',
  '团结',
  '文化',
  '兴华',
  '开州',
];

/** Villages (or, in a 街道, communities) of one township: 8–30 distinct names, the same for the same rng state. */
export function villageNames(rng: Rng, street: boolean): string[] {
  const n = rng.int(8, 30);
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    if (street) out.add(`${rng.pick(COMMUNITY_WORDS)}${rng.pick(['路', '街', '里', '苑', ''])}社区`);
    else out.add(`${rng.pick(VILLAGE_PREFIXES)}${rng.weighted(SURNAMES)}${rng.pick(VILLAGE_SUFFIXES)}村`);
  }
  return [...out];
}

/** A mobile number of a mainland carrier. */
export const mobile = (rng: Rng) =>
  `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

/** A stable number from a text (FNV-1a), to seed a township's own stream from its code. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
