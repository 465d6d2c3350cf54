import { describe, expect, it } from 'vitest';
import {
  NUMBER_ID_MESSAGE,
  headerKey,
  numberAsShown,
  readChoice,
  readDate,
  readId,
  readMoney,
  readPhone,
  readYesNo,
} from './cells';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : r.message);

describe('import cells (R-STAFF-1, R-STAFF-6)', () => {
  it('reads every unambiguous date form with the year first', () => {
    for (const t of ['2021-03-05', '2021-3-5', '2021/3/5', '2021.3.5', '2021年3月5日', '2021 年 3 月 5 日', '20210305'])
      expect(readDate(t)).toEqual({ ok: true, value: '2021-03-05' });
    expect(readDate('2021-03-05 00:00:00')).toEqual({ ok: true, value: '2021-03-05' });
    expect(readDate('2021/3/5 14:30')).toEqual({ ok: true, value: '2021-03-05' }); // a system's export with the time
    expect(readDate('2021-03-05T08:00:00')).toEqual({ ok: true, value: '2021-03-05' });
    expect(readDate('20210305', 'number')).toEqual({ ok: true, value: '2021-03-05' });
  });
  it('refuses ambiguous and impossible dates, showing the value', () => {
    for (const t of ['3/5/2021', '05/03/21', '21.3.5', '2021-3/5', '明年', '44261']) {
      const r = readDate(t);
      expect(r.ok).toBe(false);
      expect(value(r)).toContain(`“${t}”`);
      expect(value(r)).toContain('2021/3/5');
    }
    expect(value(readDate('2021-02-30'))).toContain('没有 2021 年 2 月 30 日');
    expect(readDate('2021-13-01').ok).toBe(false);
    expect(readDate('2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
  });
  it('reads money with separators, symbols and units', () => {
    const cases: [string, string][] = [
      ['3600', '3600'],
      ['3600.5', '3600.5'],
      ['3,600.50', '3600.50'],
      ['4200元', '4200'],
      ['￥4,200', '4200'],
      ['¥4200.00', '4200.00'],
      ['4,200.00 元', '4200.00'],
      ['１２００', '1200'],
    ];
    for (const [t, v] of cases) expect(readMoney(t)).toEqual({ ok: true, value: v });
    expect(readMoney('3600.5', 'number')).toEqual({ ok: true, value: '3600.50' });
    expect(readMoney('0.30000000000000004', 'number')).toEqual({ ok: true, value: '0.30' });
  });
  it('refuses European, over-precise, negative, worded and misplaced-comma money', () => {
    for (const t of ['3.600,50', '12.345', '-100', '三千元', '4,20,0', '4200,00', '', '1,2345'])
      expect(readMoney(t).ok, t).toBe(false);
    expect(value(readMoney('-100'))).toContain('负数');
    expect(value(readMoney('12.345'))).toContain('两位小数');
    expect(readMoney('-100', 'number').ok).toBe(false);
    expect(readMoney('12.345', 'number').ok).toBe(false);
  });
  it('reads yes/no in the forms offices type, refusing the rest with the accepted forms', () => {
    for (const t of ['是', 'Y', 'y', 'Yes', '√', '✓', '有', '1', 'TRUE'])
      expect(readYesNo(t)).toEqual({ ok: true, value: true });
    for (const t of ['否', 'N', 'n', 'no', '×', '✗', '无', '0', 'false'])
      expect(readYesNo(t)).toEqual({ ok: true, value: false });
    const r = readYesNo('交了');
    expect(r.ok).toBe(false);
    expect(value(r)).toContain('“交了”');
    expect(value(r)).toContain('√/×');
  });
  it('reports an ID held in a number cell as the sheet shows it, and cleans typed IDs', () => {
    const n = readId('410928199001011200', 'number');
    expect(n).toMatchObject({ ok: false, message: NUMBER_ID_MESSAGE, shown: '4.10928199001011E+17' });
    expect(readId('4.10928199001011E+17')).toMatchObject({ ok: false, shown: '4.10928199001011E+17' });
    expect(readId('4109 2819 9001 01123x')).toMatchObject({ ok: true, value: '41092819900101123X' });
    expect(numberAsShown('13812345678')).toBe('13812345678');
  });
  it('keeps phones in number cells and checks choices by their labels', () => {
    expect(readPhone('13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(readPhone('138-1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(readChoice('本 科', ['本科', '硕士'])).toEqual({ ok: true, value: '本科' });
    expect(value(readChoice('大本', ['本科', '硕士']))).toBe('“大本”不是可选的值：应为“本科”、“硕士”之一');
  });
  it('normalises headers: spaces, full-width brackets, units, required marks and colons', () => {
    expect(headerKey(' 实发工资（元） ')).toBe('实发工资');
    expect(headerKey('实发工资(元)')).toBe('实发工资');
    expect(headerKey('*身份证号：')).toBe('身份证号');
    expect(headerKey('身份证号＊')).toBe('身份证号');
    expect(headerKey('聘 用 日 期')).toBe('聘用日期');
    // 万元 is another unit, not the template's yuan: such a header stays unrecognised, never read as yuan.
    expect(headerKey('实发工资（万元）')).not.toBe('实发工资');
  });
});
