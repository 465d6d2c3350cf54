import type { CatalogueItemView, Paged, ServiceRecordListItem, ServiceRecordView } from '@shegong/shared';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../server/src/test-support/citizen-ids';
import { PHONE, pick, pickDate } from './support/browser';
import { STATION_PASSWORD, contractedStation } from './support/contracted-station';
import { useJourney } from './support/journey';
import { looksRight as pageLooksRight } from './support/looks-right';

/**
 * 服务记录 offline at phone width (issue 11; R-SVC-2 offline tolerance): the station's social worker opens 记一条服务, loses
 * the connection, records a home visit to one of her people with a photo, sees it waiting (待发送 1 条), reloads the page
 * still offline (the offline shell opens the app; the record is still waiting on the phone), comes back online and the
 * record arrives once, with its photo. The station, contract, worker and person are set up through the API. Pinned to
 * 2026-11-28 (the browser's own date may be later, so the journey types the day).
 */
const TODAY = '2026-11-28';
const PERSON = '王秀英';
// A 1×1 PNG: the photo the worker takes.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let stationId = '';
let item = { code: '', label: '' };
let social: Awaited<ReturnType<typeof contractedStation>>['social'];

const j = useJourney({ SHEGONG_ADMIN_PASSWORD: 'Initial-Admin-2026', SHEGONG_TODAY: TODAY }, async (server) => {
  const s = await contractedStation(server.url);
  stationId = s.stationId;
  social = s.social;
  // One of her people: a hardship elder she is responsible for.
  await social.post('/api/v1/beneficiaries', {
    stationId,
    name: PERSON,
    idNumber: makeCitizenId('19480706', 142),
    village: '王庄村',
    workerId: s.workerId,
    categories: [{ category: 'hardship_elder', startedOn: '2026-03-01', source: '入户核实' }],
  });
  // 附件2 二 养老服务: the first item, as the form labels it (it fits an elder, so it is offered first).
  const { items } = await social.get<{ items: CatalogueItemView[] }>('/api/v1/catalogue');
  const elder = items.filter((i) => i.domainCode === 2).sort((a, b) => a.itemNumber - b.itemNumber)[0];
  item = { code: elder.code, label: `${elder.domainName} · ${elder.itemNumber}. ${elder.itemName}` };
});

/** Chinese renders and nothing is wider than the phone. */
const looksRight = (name: string) =>
  pageLooksRight(j.page, name, { mustNotShow: /R-[A-Z]+-\d|home_visit|undefined|null|\b[a-z]+[A-Z]\w*/ });

/** The record ids waiting in the phone's outbox (IndexedDB), read in the page. */
const outboxIds = () =>
  j.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('shegong-outbox', 1);
        req.onsuccess = () => {
          const get = req.result.transaction('records').objectStore('records').getAllKeys();
          get.onsuccess = () => resolve(get.result.map(String));
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );

/** The offline shell has the page and every app file this tab loaded (so a reload without a connection opens). */
const shellReady = () =>
  j.page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg?.active || !navigator.serviceWorker.controller) return false;
    const cache = await caches.open('shegong-shell-v1');
    const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'));
    return kept.has('/index.html') && loaded.every((u) => kept.has(u.pathname));
  });

describe('服务记录 offline at phone width: a home visit with a photo made without a connection arrives once', () => {
  it('records a home visit offline, keeps it through a reload, sends it once when back online (R-SVC-2)', async () => {
    const page = j.page;
    await page.setViewportSize(PHONE);
    await j.loginAs('zhang.xm', STATION_PASSWORD);
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '服务记录' }).click();
    await page.getByRole('heading', { name: '服务记录', level: 1 }).waitFor();
    await page.getByRole('button', { name: '记一条服务' }).click();
    await page.getByRole('heading', { name: '记一条服务', level: 1 }).waitFor();
    // Her people are offered for one tap; the station is hers (no station field with one station).
    const chip = page.getByText(PERSON, { exact: true });
    await chip.waitFor();
    await expect.poll(shellReady, { timeout: 15_000 }).toBe(true);

    await page.context().setOffline(true);
    await page.getByRole('radio', { name: '走访入户' }).check({ force: true });
    await chip.click();
    await pick(page, '服务内容（附件2 项目）', item.label);
    await page.getByLabel('服务内容记录').fill('入户看望，老人身体尚可，叮嘱按时服药，帮助联系村医上门。');
    await pickDate(page, '服务日期', TODAY);
    await page.getByLabel('添加照片').setInputFiles({ name: '入户.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    await looksRight('79-services-quick-entry-offline-390');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('已保存在本机，联网后自动发送').waitFor();
    await page.getByText(/待发送 1 条服务记录/).waitFor();
    const ids = await outboxIds();
    expect(ids).toHaveLength(1);
    const [id] = ids;

    await page.getByRole('link', { name: '查看' }).click();
    await page.getByRole('heading', { name: '待发送 1 条', level: 1 }).waitFor();
    await page.getByText('等待发送').waitFor();
    await page.getByText('照片 1 张待上传').waitFor();
    await looksRight('80-services-offline-waiting-390');

    // A reload without a connection: the offline shell opens the app (its worker cannot reach the server either, so
    // the page comes from its cache), the record is still on the phone.
    const [worker] = page.context().serviceWorkers();
    const reach = await worker.evaluate(() =>
      fetch('/api/health').then(
        (r) => r.status,
        () => 'offline',
      ),
    );
    expect(reach).toBe('offline');
    await page.reload();
    await page.getByText(/待发送 1 条服务记录/).waitFor();
    await page.getByRole('heading', { name: '待发送 1 条', level: 1 }).waitFor();
    await page.getByText('当前无网络').first().waitFor();
    expect(await outboxIds()).toEqual([id]);
    await looksRight('81-services-offline-after-reload-390');

    // Back online: the session is renewed, the record and then its photo are sent, the outbox empties.
    await page.context().setOffline(false);
    await page.getByText('没有待发送的记录').waitFor({ timeout: 20_000 });
    await expect(page.getByText(/待发送 \d+ 条服务记录/).count()).resolves.toBe(0);
    expect(await outboxIds()).toEqual([]);

    // Exactly one record with the phone's id, its photo attached.
    const list = await social.get<Paged<ServiceRecordListItem>>(`/api/v1/service-records?stationId=${stationId}`);
    expect(list.items.map((r) => r.id)).toEqual([id]);
    expect(list.total).toBe(1);
    const record = await social.get<ServiceRecordView>(`/api/v1/service-records/${id}`);
    expect(record).toMatchObject({ form: 'home_visit', catalogueCode: item.code });
    expect(record.photos.map((f) => f.name)).toEqual(['入户.png']);

    await page.goto(`${j.server.url}/services/${id}`);
    await page.getByRole('heading', { name: `${TODAY} 走访入户`, level: 1 }).waitFor();
    await page.getByText(PERSON).first().waitFor();
    await page.getByRole('img', { name: '入户.png' }).waitFor();
    await looksRight('82-services-record-sent-390');

    // A record the server refuses stays on the phone with the server's words until fixed: the phone's own date is
    // later than the server's pinned day, so leaving the date as filled in is refused; 修改 fixes it, it is sent.
    await page.goto(`${j.server.url}/services/new`);
    await chip.click();
    await page.getByLabel('服务内容记录').fill('复访，老人血压平稳。');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText(/待发送 1 条服务记录，其中 1 条被退回需修改/).waitFor();
    await page.getByRole('link', { name: '查看' }).click();
    await page.getByText('被退回', { exact: true }).waitFor();
    await page.getByRole('alert').filter({ hasText: '服务日期不能晚于今天' }).waitFor();
    await looksRight('83-services-refused-390');
    await page.getByRole('button', { name: /^修\s*改$/ }).click();
    await page.getByRole('heading', { name: '修改待发送的记录', level: 1 }).waitFor();
    await expect(page.getByLabel('服务内容记录').inputValue()).resolves.toBe('复访，老人血压平稳。');
    await pickDate(page, '服务日期', TODAY);
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('没有待发送的记录').waitFor();
    const both = await social.get<Paged<ServiceRecordListItem>>(`/api/v1/service-records?stationId=${stationId}`);
    expect(both.total).toBe(2);

    // The county officer sees the record in the list with the person's name masked (R-SCOPE-2).
    await j.loginAs('py.officer', STATION_PASSWORD);
    await page.goto(`${j.server.url}/services`);
    await page.getByRole('heading', { name: '服务记录', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: `${TODAY} 走访入户` }).count()).toBe(2);
    await page.getByText('王*英').first().waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toContain(PERSON);
    await expect(page.getByRole('button', { name: '记一条服务' }).count()).resolves.toBe(0);
    await looksRight('84-services-list-county-390');
  });
});
