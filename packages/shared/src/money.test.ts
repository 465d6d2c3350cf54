import { describe, expect, it } from 'vitest';
import { formatFen, yuanSchema } from './money';

describe('money in fen', () => {
  it('parses yuan with up to two decimals into integer fen', () => {
    expect(yuanSchema.parse('1234.5')).toBe(123450);
    expect(yuanSchema.parse(0.1)).toBe(10);
    expect(yuanSchema.parse('800000')).toBe(80000000);
    expect(yuanSchema.parse(19.99)).toBe(1999);
  });
  it('refuses negative amounts and more than two decimals', () => {
    expect(yuanSchema.safeParse(-1).success).toBe(false);
    expect(yuanSchema.safeParse('12.345').success).toBe(false);
    expect(yuanSchema.safeParse('abc').success).toBe(false);
  });
  it('formats as ¥1,234.50', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(5)).toBe('¥0.05');
  });
});
