import { CONTRACT_TERMS } from '@shegong/shared';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { makeCreditCode } from '../../server/src/test-support/credit-codes';
import { apiSession } from './support/api';
import { axeProblems, WCAG_TAGS } from './support/axe';
import { DESKTOP, fitsWidth, PHONE, shot } from './support/browser';
import { useJourney } from './support/journey';

/**
 * Accessibility (GB/T 37668-2019, i.e. WCAG 2.0 AA, and the 适老化 rules): axe-core finds no WCAG 2 A/AA violation
 * on the public portal (each tab), the login page and every main page at 1366 and 390 px; the portal works with the
 * keyboard alone (skip link, tabs, the county search) and has a larger-text mode that still fits a phone.
 * Stations, an organisation with a disclosure, an awarded procurement, a contract and a worker are set up through the
 * API, so the pages show real rows.
 */
const PW = 'Journey-Pass-2026';
const ids: Record<string, string> = {};

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026' }, async (server) => {
  const admin = await apiSession(server.url, 'admin', 'Initial-Admin-2026', PW);
  await admin.post('/api/v1/users', {
    username: 'py.officer',
    displayName: '王晓燕',
    role: 'county_officer',
    divisionCode: '410928000000',
    password: 'Start-Pass-01',
  });
  const county = await apiSession(server.url, 'py.officer', 'Start-Pass-01', PW);
  const station = (townshipCode: string, address: string) =>
    county.post<{ id: string }>('/api/v1/stations', {
      townshipCode,
      batchYear: 2021,
      status: 'operating',
      openedOn: '2021-07-01',
      address,
      phone: '0393-3211234',
      openingHours: '周一至周五 8:30-17:30',
    });
  ids.station = (await station('410928101000', '濮阳县柳屯镇政府院内东侧二楼')).id;
  await station('410928102000', '');
  const org = await county.post<{ id: string }>('/api/v1/organisations', {
    name: '濮阳县益民社会工作服务中心',
    creditCode: makeCreditCode(61),
    type: 'social_work_agency',
    socialWorkInScope: true,
    local: true,
    divisionCode: '410928000000',
    grade: '4A',
    gradeValidUntil: '2028-12-31',
  });
  ids.org = org.id;
  const p = await county.post<{ id: string }>('/api/v1/procurements', {
    countyCode: '410928000000',
    title: '柳屯镇社工站服务项目',
    serviceContent: '驻站服务',
    serviceStandards: '市级标准',
    requirements: '驻站社工 2 名',
    method: 'public_tender',
    bidderConditions: '业务范围含社会工作',
    stationIds: [ids.station],
    publishedOn: '2026-01-05',
  });
  ids.procurement = p.id;
  await county.post(`/api/v1/procurements/${p.id}/award`, {
    organisationId: org.id,
    amount: '500000',
    awardedOn: '2026-01-15',
  });
  const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同文本']));
  ids.contract = (
    await county.post<{ id: string }>('/api/v1/contracts', {
      procurementId: p.id,
      title: '柳屯镇社工站服务合同',
      signedOn: '2026-01-25',
      cycleStart: '2026-02-01',
      publishedOn: '2026-01-26',
      terms,
      firstAgreement: { amount: '500000', publishedOn: '2026-01-26' },
    })
  ).id;
  await admin.post('/api/v1/users', {
    username: 'yimin.admin',
    displayName: '益民机构管理员',
    role: 'org_admin',
    divisionCode: '410928000000',
    organisationId: org.id,
    password: 'Start-Pass-01',
  });
  const contractor = await apiSession(server.url, 'yimin.admin', 'Start-Pass-01', PW);
  await contractor.post(`/api/v1/organisations/${org.id}/disclosures`, {
    kind: 'basic',
    title: '机构基本情况',
    content: '濮阳县益民社会工作服务中心成立于 2019 年，业务范围含社会工作服务。',
  });
  ids.worker = (
    await contractor.post<{ id: string }>('/api/v1/workers', {
      name: '张晓梅',
      idNumber: makeCitizenId('19950312', 122),
      education: 'bachelor',
      socialWorkMajor: true,
      hireDate: '2026-02-01',
      role: 'resident',
    })
  ).id;
});

/** Waits until the page has drawn its data: no request in flight, no spinner, antd's entrance motions finished. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(400);
}

/**
 * axe at both widths: the page as a desk officer and as a phone reader sees it. The public pages and the login are
 * held to axe's best practices too (one main landmark, one h1, all content in landmarks).
 */
const WITH_BEST_PRACTICE = [...WCAG_TAGS, 'best-practice'];
async function noViolationsAtBothWidths(name: string, open: () => Promise<void>, tags = WCAG_TAGS) {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await j.page.setViewportSize(viewport);
    await open();
    await settled(j.page);
    expect({ page: name, size, problems: await axeProblems(j.page, tags) }).toEqual({ page: name, size, problems: [] });
    if (size === 'phone') expect(await fitsWidth(j.page)).toBe(true);
    await shot(j.page, `a11y-${name}-${size}`);
  }
  await j.page.setViewportSize(DESKTOP);
}

const PUBLIC_TABS = ['社工站', '采购公告', '社会组织信息公开'];

describe('public portal and login: no WCAG 2 A/AA violation', () => {
  for (const [i, tab] of PUBLIC_TABS.entries()) {
    it(`the public directory, tab ${tab}, at 1366 and 390 px`, async () => {
      await noViolationsAtBothWidths(
        `directory-${i + 1}`,
        async () => {
          await j.page.goto(`${j.server.url}/directory`);
          await j.page.getByRole('tab', { name: tab }).click();
          if (tab === '社会组织信息公开') await j.page.getByRole('button', { name: /益民社会工作服务中心/ }).click();
        },
        WITH_BEST_PRACTICE,
      );
    });
  }

  it('the login page, at 1366 and 390 px, also with its error message', async () => {
    await noViolationsAtBothWidths(
      'login',
      async () => {
        await j.page.goto(`${j.server.url}/login`);
        await j.page.getByLabel('用户名').fill('no.such.user');
        await j.page.getByLabel('密码').fill('Wrong-Pass-01');
        await j.page.getByRole('button', { name: '登录' }).click();
        await j.page.getByRole('alert').waitFor();
      },
      WITH_BEST_PRACTICE,
    );
  });
});
