import { describe, expect, it } from 'vitest';
import { findTextProblem, textProblem } from './text-rule';

describe('one text rule for the API and imports', () => {
  it('keeps ordinary Chinese text, emoji, tabs and line breaks', () => {
    expect(textProblem('柳屯镇社会工作服务站\n第二行\t缩进 😀')).toBeNull();
  });
  it('refuses NUL and other control characters', () => {
    expect(textProblem('张\u0000三')).toContain('控制字符');
    expect(textProblem('a\u001bb')).toContain('控制字符');
  });
  it('refuses lone surrogates', () => {
    expect(textProblem('标题\ud800')).toContain('不完整');
    expect(textProblem('\udc00标题')).toContain('不完整');
  });
  it('refuses bidi overrides that disguise a file name, and zero-width characters', () => {
    expect(textProblem('合同\u202efdp.exe')).toContain('显示方向');
    expect(textProblem('张\u200b三')).toContain('零宽度');
  });
  it('refuses text that was not valid UTF-8 (decoded to U+FFFD) and bodies nested past any form', () => {
    expect(textProblem('8\ufffd\ufffdo')).toContain('编码错误');
    let deep: unknown = 'x';
    for (let i = 0; i < 7000; i++) deep = [deep];
    expect(findTextProblem({ username: deep })?.problem).toContain('嵌套层级');
  });
  it('names the nested field that holds the refused text', () => {
    expect(findTextProblem({ terms: { price: 'ok', quality: 'x\u0000' }, rows: [{ name: 'a' }] })).toEqual({
      path: 'terms.quality',
      problem: expect.stringContaining('控制字符'),
    });
    expect(findTextProblem({ rows: [{ name: 'a' }, { name: '\u202e' }] })?.path).toBe('rows.1.name');
    expect(findTextProblem({ ok: ['甲', 1, null, true] })).toBeNull();
  });
});
