import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, pickDate, shot } from './support/browser';
import { apiSession } from './support/api';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 整改 (issue 13, R-EVAL-4): the county's midterm evaluation of 柳屯镇's contract found two problems, recorded as items
 * through the API. In the browser the county officer sees them; the project lead, on a phone, submits the correction
 * of one; the county returns it with a comment; the lead attaches the evidence and corrects it again; the county verifies it. Pinned to
 * 2026-06-20.
 */
const TODAY = '2026-06-20';
/** A minimal PDF the server recognises by its bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
const ids = { round: '', first: '', second: '' };

/** PATCH with the admin's session: apiSession offers GET and POST only. */
async function patch(url: string, username: string, path: string, body: unknown) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: STATION_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${url}${path}`, {
    method: 'PATCH',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PATCH ${path}: ${res.status} ${await res.text()}`);
}

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  const admin = await apiSession(server.url, 'admin', STATION_PASSWORD);
  // The city adopts the shipped example set (an evaluation needs a set in use).
  const sets = await admin.get<{ items: { id: string; isExample: boolean }[] }>('/api/v1/indicator-sets');
  const example = sets.items.find((x) => x.isExample)!;
  const set = await admin.get<{ version: number; status: string }>(`/api/v1/indicator-sets/${example.id}`);
  if (set.status !== 'in_use')
    await patch(server.url, 'admin', `/api/v1/indicator-sets/${example.id}`, { adopt: true, version: set.version });
  const contracts = await s.county.get<{ items: { id: string }[] }>('/api/v1/contracts');
  const created = await s.county.post<{ items: { id: string }[] }>('/api/v1/evaluation-rounds', {
    kind: 'midterm',
    setId: example.id,
    subjects: [{ contractId: contracts.items[0].id, yearNo: 1 }],
  });
  ids.round = created.items[0].id;
  const item = (finding: string, requirement: string, deadline: string) =>
    s.county.post<{ id: string }>('/api/v1/rectifications', { roundId: ids.round, finding, requirement, deadline });
  ids.first = (await item('服务台账不完整，5 月入户记录缺少服务对象签字', '补齐 5 月入户服务记录的签字确认', TODAY)).id;
  ids.second = (await item('站内未公示服务项目和监督电话', '在站点醒目位置公示', '2026-07-10')).id;
});

/** Chinese renders, nothing wider than the viewport, no internal words, no WCAG 2.1 AA problem (axe). */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-EVAL|midterm|open|submitted|verified|undefined|NaN/ });

/** A dialog once it has zoomed in fully (a click during the animation can miss its button). */
async function dialogNamed(name: string) {
  const dialog = j.page.getByRole('dialog', { name });
  await dialog.waitFor();
  await expect.poll(() => j.page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count()).toBe(0);
  return dialog;
}

/** The card of one item on the list, found by its finding. */
const card = (finding: string) => j.page.locator('main .ant-card').filter({ hasText: finding });
const FIRST = '服务台账不完整';

async function openList() {
  await j.page.goto(`${j.server.url}/rectifications`);
  await j.page.getByRole('heading', { name: '整改', level: 1 }).waitFor();
  await card(FIRST).waitFor();
}

describe('整改: from the county’s findings to a verified correction', () => {
  it('the county officer records a third finding on the round’s page (新增整改事项)', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    await j.page.goto(`${j.server.url}/evaluations/${ids.round}`);
    await j.page.getByText('整改事项（2）').waitFor();
    await j.page.getByRole('button', { name: '新增整改事项' }).click();
    const form = j.page.getByRole('form', { name: '新增整改事项' });
    // Nothing filled: the form names what is missing, in Chinese, and sends nothing.
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await form.getByText('请填写发现的问题').waitFor();
    await form.getByText('请选择整改期限').waitFor();
    const section = j.page.locator('main .ant-card').filter({ has: j.page.getByText(/^整改事项（\d+）$/) });
    // The round's page is long: the 整改 section alone, so a person can look at it.
    await section.screenshot({ path: path.join(SCREENSHOTS, 'rect0a-round-new-item-form.png') });
    await form.getByLabel('问题').fill('驻站社工 6 月培训学时不足');
    await form.getByLabel('整改要求').fill('7 月内补足继续教育学时并报送培训记录');
    await pickDate(j.page, '整改期限', '2026-07-31');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await j.page.getByText('整改事项（3）').waitFor();
    await j.page.getByText('驻站社工 6 月培训学时不足').waitFor();
    await looksRight('rect0-round-page-new-item');
    await section.screenshot({ path: path.join(SCREENSHOTS, 'rect0b-round-items.png') });
  });

  it('the county officer sees the midterm’s items, with deadline, contract and contractor (R-EVAL-4)', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    await openList();
    await card(FIRST).getByText('待整改').waitFor();
    await card(FIRST).getByText('柳屯镇社工站服务合同（濮阳县）').waitFor();
    await card(FIRST).getByText('濮阳县益民社会工作服务中心').waitFor();
    await card(FIRST).getByText(`整改期限：${TODAY}`).waitFor();
    // Due today, not overdue; and nothing for the county to do until the contractor answers.
    expect(await j.page.getByText(/逾期 \d+ 天/).count()).toBe(0);
    expect(await card(FIRST).getByRole('button').count()).toBe(0);
    await looksRight('rect1-county-list');
    // The filter lives in the address (the 工作台 links to ?overdue=true): the box follows the URL once it changed.
    await j.page.getByRole('checkbox', { name: '仅看逾期' }).click();
    await j.page.getByText('没有逾期的整改事项').waitFor();
    expect(j.page.url()).toContain('overdue=true');
  });

  it('the project lead, on a phone, submits the correction', async () => {
    await j.page.setViewportSize(PHONE);
    await j.loginAs('yimin.lead', STATION_PASSWORD);
    await openList();
    await looksRight('rect2-lead-phone-list');
    await card(FIRST).getByRole('button', { name: '提交整改情况' }).click();
    const dialog = await dialogNamed('提交整改情况');
    await dialog.getByLabel('整改情况').fill('已补齐 5 月全部入户记录的服务对象签字，并建立每周核对制度。');
    await shot(j.page, 'rect3-lead-phone-submit');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await card(FIRST).getByText('待核实').waitFor();
    await looksRight('rect4-lead-phone-submitted');
  });

  it('the county returns it with a comment; the lead attaches the evidence and corrects it again', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    await openList();
    await card(FIRST)
      .getByRole('button', { name: /退\s*回/ })
      .click();
    const dialog = await dialogNamed('退回整改');
    await dialog.getByLabel('退回意见').fill('请附上补签后的记录照片');
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await card(FIRST).getByText('待整改').waitFor();
    await card(FIRST).getByText('退回意见：请附上补签后的记录照片').waitFor();

    await j.page.setViewportSize(PHONE);
    await j.loginAs('yimin.lead', STATION_PASSWORD);
    await openList();
    await card(FIRST).getByText('退回意见：请附上补签后的记录照片').waitFor();
    // The evidence asked for: a file attached to the item while it is open.
    await card(FIRST)
      .locator('input[type=file]')
      .setInputFiles({ name: '补签记录照片.pdf', mimeType: 'application/pdf', buffer: PDF });
    await card(FIRST).getByRole('link', { name: '补签记录照片.pdf' }).waitFor();
    await looksRight('rect5-lead-phone-returned');
    await card(FIRST).getByRole('button', { name: '提交整改情况' }).click();
    const again = await dialogNamed('提交整改情况');
    await again.getByLabel('整改情况').fill('已补签并拍照留存，照片已交县民政局。');
    await again.getByRole('button', { name: /提\s*交/ }).click();
    await card(FIRST).getByText('待核实').waitFor();
  });

  it('the county verifies the correction; the item is done', async () => {
    await j.page.setViewportSize(DESKTOP);
    await j.loginAs('py.officer', STATION_PASSWORD);
    await openList();
    await card(FIRST).getByRole('button', { name: '核实通过' }).click();
    await j.page.getByRole('button', { name: /^确\s*定$/ }).click();
    await card(FIRST).getByText('已完成').waitFor();
    await card(FIRST)
      .getByText(/核实时间/)
      .waitFor();
    expect(await card(FIRST).getByRole('button').count()).toBe(0);
    await looksRight('rect6-county-verified');
  });
});
