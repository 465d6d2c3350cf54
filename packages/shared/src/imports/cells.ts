// The cell forms an office's spreadsheet really holds (typed by hand in Excel, WPS or LibreOffice, or exported from
// another system), read into the one form the schemas take. Every reader accepts only what is unambiguous and
// answers, for anything else, a Chinese message that shows the value and the accepted forms.

/** How a cell was stored in the file: an ID in a `number` cell has already lost digits. */
export type SheetCellKind = 'empty' | 'string' | 'number' | 'date' | 'boolean' | 'formula' | 'error';

/** A read cell: its value in the schemas' form, or what is wrong with it. */
export type CellRead<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const bad = <T>(message: string): CellRead<T> => ({ ok: false, message });

/** What to tell an office whose ID column holds numbers: the digits are already lost, so only retyping helps. */
export const NUMBER_ID_MESSAGE =
  '该单元格是数字格式，Excel 已把 18 位身份证号存成数字并丢失了末几位：请把该列设为“文本”格式后重新录入身份证号';

/**
 * A header as compared with the template's names: full-width forms folded (（）：＊ and full-width letters), spaces
 * removed, a required mark (*) and a trailing colon dropped, and the yuan unit in brackets dropped (实发工资(元) = 实发工资; 万元 is kept, so it never reads as yuan).
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:]+$/, '')
    .replace(/\((?:单位:)?(?:元|人民币元)\)$/, '')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();
}

const pad = (n: number) => String(n).padStart(2, '0');
const DATE_FORMS = '2021-03-05、2021/3/5、2021.3.5、2021年3月5日 或 20210305';

/** A calendar date in the forms with the year first; the answer is YYYY-MM-DD. */
export function readDate(text: string, kind: SheetCellKind = 'string'): CellRead<string> {
  const t = text.trim().replace(/\s+/g, ' ');
  // A date cell (or a date-formatted number) is read as YYYY-MM-DD by the sheet reader.
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/
      .exec(t)
      ?.filter((_, i) => i !== 2) ??
    /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) {
    const hint = kind === 'number' ? '（该单元格是数字，不是日期）' : '';
    return bad(`“${t}”不是可识别的日期${hint}：请写成年在前的日期，如 ${DATE_FORMS}`);
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return bad(`“${t}”不是有效的日期（没有 ${y} 年 ${mo} 月 ${d} 日）`);
  return ok(`${y}-${pad(mo)}-${pad(d)}`);
}

const MONEY_FORMS = '3600、3600.50、3,600.50、4200元 或 ￥4,200';

/** An amount in yuan (at most two decimals, not negative) as the text `1234.50`, for the money schema. */
export function readMoney(text: string, kind: SheetCellKind = 'string'): CellRead<string> {
  if (kind === 'number' || kind === 'formula') {
    const v = Number(text);
    if (Number.isFinite(v) && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) {
      if (v < 0) return bad(`“${text}”：金额不能为负数`);
      const fen = Math.round(v * 100);
      if (Math.abs(fen - v * 100) > 1e-6) return bad(`“${text}”：金额最多两位小数（到分）`);
      return ok((fen / 100).toFixed(2));
    }
  }
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const body = t.replace(/^(?:¥|￥|rmb)/i, '').replace(/(?:元|人民币)$/, '');
  if (/^[-−]/.test(body)) return bad(`“${text}”：金额不能为负数`);
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(body))
    return bad(`“${text}”不是可识别的金额：请写数字（元），如 ${MONEY_FORMS}`);
  const plain = body.replace(/,/g, '');
  if (/\.\d{3,}$/.test(plain)) return bad(`“${text}”：金额最多两位小数（到分）`);
  if (plain.replace(/\..*$/, '').replace(/^0+(?=\d)/, '').length > 12) return bad(`“${text}”：金额过大`);
  return ok(plain);
}

const YES = new Set(['是', 'y', 'yes', '√', '✓', '✔', '有', '1', 'true', '已缴', '已交']);
const NO = new Set(['否', 'n', 'no', '×', '✗', '✘', '无', '0', 'false', '未缴', '未交']);
const YES_NO_FORMS = '“是”或“否”（也接受 Y/N、√/×、有/无、1/0）';

/** A yes/no cell (a boolean cell reads as 是/否). */
export function readYesNo(text: string): CellRead<boolean> {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(`“${text}”不是可识别的是/否：请填写${YES_NO_FORMS}`);
}

/** A number as a spreadsheet shows it once it has more than 15 digits (only 15 are kept): `4.10928199001011E+17`. */
export function numberAsShown(text: string): string {
  const v = Number(text);
  if (!Number.isFinite(v) || Math.abs(v) < 1e15) return text;
  const [mantissa, exp] = v.toPrecision(15).split('e');
  return `${mantissa.replace(/\.?0+$/, '')}E${exp}`;
}

/**
 * A citizen ID cell: spaces inside dropped, a trailing x upper-cased. A number cell (or text that a spreadsheet
 * wrote from one, `4.10928199001011E+17`) has lost digits: refused with NUMBER_ID_MESSAGE and shown as it was seen.
 */
export function readId(text: string, kind: SheetCellKind = 'string'): CellRead<string> & { shown: string } {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (kind === 'number' || kind === 'formula' ? /^[\d.e+-]+$/i.test(t) : /^\d(?:\.\d+)?e\+\d+$/i.test(t)) {
    const shown = numberAsShown(t);
    return { ok: false, message: NUMBER_ID_MESSAGE, shown };
  }
  return { ok: true, value: t.toUpperCase(), shown: text };
}

/** A phone cell: a number cell is fine (a phone keeps its digits); spaces and dashes inside dropped. */
export function readPhone(text: string): CellRead<string> {
  return ok(text.normalize('NFKC').replace(/[\s-]+/g, ''));
}

/** One of the listed choices; a refusal names them all. */
export function readChoice(text: string, options: readonly string[]): CellRead<string> {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const hit = options.find((o) => o.normalize('NFKC').replace(/\s+/g, '') === t);
  return hit ? ok(hit) : bad(`“${text}”不是可选的值：应为${options.map((o) => `“${o}”`).join('、')}之一`);
}
