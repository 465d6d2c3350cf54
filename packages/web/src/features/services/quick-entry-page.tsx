import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import {
  NAMED_PEOPLE_FORMS,
  SERVICE_FORMS,
  SERVICE_FORM_LABELS,
  checkServiceRecord,
  orderCatalogue,
  type AlertKind,
  type BeneficiaryListItem,
  type CreateServiceRecordInput,
  type ServiceForm,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ConcernFields, concernBody, type ConcernValues } from './concern-fields';
import { enqueue, replace } from './outbox';
import { outboxDb, type OutboxItem, type OutboxPhoto } from './outbox-db';
import { refreshOfflineShell } from './offline-shell';
import { PeopleChips } from './people-chips';
import { PhotoPicker } from './photo-picker';
import { remember, remembered } from './quick-entry-memory';
import { useCatalogue, useMyStations, usePerson, useStationPeople, useVisitsDue } from './services.api';

interface Values extends ConcernValues {
  stationId?: string;
  servedOn: Dayjs;
  durationMinutes: number;
  beneficiaryIds: string[];
  form?: ServiceForm;
  catalogueCode?: string;
  headCount?: number;
  summary?: string;
  place?: string;
}

const big = { size: 'large' as const };

/**
 * 记一条服务 (R-SVC-2, R-SVC-3): a home visit in under a minute on a phone. Defaults filled (today, my station, the
 * last item and form used); pick the person from 待走访 or my people, tap the form and the item (items that fit the
 * people first), a few words, save. Saved to the phone's outbox first with an id made here, then sent (offline
 * tolerance): the worker may go on without a connection.
 */
export function QuickEntryPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const fixId = params.get('fix');
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [fixing, setFixing] = useState<OutboxItem | null>(null);
  // Opened from a case (?caseId=&beneficiaryId=): an intervention of that case, its person chosen (R-SVC-3).
  const [caseId, setCaseId] = useState(params.get('caseId'));
  const personId = params.get('beneficiaryId');
  const person = usePerson(personId);
  const last = useMemo(remembered, []);
  const stations = useMyStations();
  const stationId = Form.useWatch('stationId', form);
  const people = useStationPeople(stationId);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState<string | undefined>();
  useEffect(() => {
    const t = setTimeout(() => setQ(search.trim() || undefined), 300);
    return () => clearTimeout(t);
  }, [search]);
  const found = useStationPeople(stationId, q ?? '');
  // Everyone seen on this page, so a person chosen from a search keeps their name after the search changes.
  const known = useRef(new Map<string, BeneficiaryListItem>());
  for (const p of [
    ...(people.data?.items ?? []),
    ...(q ? (found.data?.items ?? []) : []),
    ...(person.data ? [person.data] : []),
  ])
    known.current.set(p.id, p);
  const due = useVisitsDue(stationId);
  const catalogue = useCatalogue();
  const chosen: string[] = Form.useWatch('beneficiaryIds', form) ?? [];
  const serviceForm = Form.useWatch('form', form);
  const code = Form.useWatch('catalogueCode', form);
  // The outbox page's chunk too, so 待发送 opens without a connection; then the shell caches what this tab loaded.
  useEffect(() => {
    void import('./outbox-page').then(refreshOfflineShell, refreshOfflineShell);
  }, []);

  // My station: the one remembered when I still work there, else my only one.
  const items = stations.data?.items;
  useEffect(() => {
    if (!items?.length || form.getFieldValue('stationId')) return;
    const pick = items.find((s) => s.id === last.stationId) ?? (items.length === 1 ? items[0] : undefined);
    if (pick) form.setFieldValue('stationId', pick.id);
  }, [form, items, last.stationId]);

  // A refused record from the outbox, back in the form to fix (same id).
  useEffect(() => {
    if (!fixId) return;
    void outboxDb.get(fixId).then((it) => {
      if (!it) return;
      const b = it.body as unknown as CreateServiceRecordInput;
      setFixing(it);
      setCaseId(b.caseId ?? null);
      setPhotos(it.photos);
      form.setFieldsValue({
        stationId: b.stationId,
        servedOn: dayjs(b.servedOn),
        durationMinutes: b.durationMinutes,
        beneficiaryIds: b.beneficiaryIds ?? [],
        form: b.form,
        catalogueCode: b.catalogueCode,
        headCount: b.headCount,
        summary: b.summary,
        place: b.place,
        concernOn: !!b.concern,
        concernKind: b.concern?.kind as AlertKind | undefined,
        concernDescription: b.concern?.description,
      });
    });
  }, [fixId, form]);

  const all = people.data?.items ?? [];
  // My people first (I am their responsible worker), then the station's others; a search lists its matches.
  const mine = all.filter((p) => !p.restricted && p.workerName === user?.displayName);
  const picked = chosen.flatMap((id) => known.current.get(id) ?? []);
  const listed = q ? (found.data?.items ?? []) : [...mine, ...all.filter((p) => !mine.includes(p))];
  const sorted = [...picked, ...listed.filter((p) => !chosen.includes(p.id))];
  const named = serviceForm ? NAMED_PEOPLE_FORMS.includes(serviceForm) : true;
  const facts = picked.map((p) => ({ age: p.age, categories: p.categories }));
  const ordered = orderCatalogue(catalogue.data?.items ?? [], facts);
  const fit = ordered.find((i) => i.code === code);
  const option = (i: (typeof ordered)[number]) => ({
    value: i.code,
    label: `${i.domainName} · ${i.itemNumber}. ${i.itemName}`,
  });
  const toggle = (id: string) =>
    form.setFieldValue('beneficiaryIds', chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const quick = [
    ...(due.data?.items ?? []).map((d) => ({
      id: d.beneficiaryId,
      name: d.name,
      due: d.overdue ? '（已逾期）' : '（待走访）',
    })),
    ...mine.slice(0, 8).map((p) => ({ id: p.id, name: p.name, due: '' })),
  ].filter((p, i, a) => a.findIndex((q) => q.id === p.id) === i);

  async function save(v: Values) {
    if (!user) return;
    const servedOn = v.servedOn.format('YYYY-MM-DD');
    const body: CreateServiceRecordInput = {
      id: fixing?.id ?? crypto.randomUUID(),
      stationId: v.stationId ?? '',
      servedOn,
      durationMinutes: v.durationMinutes,
      form: v.form!,
      catalogueCode: v.catalogueCode ?? '',
      beneficiaryIds: v.beneficiaryIds,
      headCount: named ? 0 : (v.headCount ?? 0),
      summary: v.summary ?? '',
      place: v.place ?? '',
      caseId,
      concern: concernBody(v, v.beneficiaryIds),
    };
    const errors = checkServiceRecord(
      { ...body, peopleCount: v.beneficiaryIds.length, headCount: body.headCount ?? 0, form: body.form },
      dayjs().format('YYYY-MM-DD'),
    );
    const failed = Object.entries(errors);
    if (failed.length) {
      form.setFields(failed.map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      return;
    }
    const names = v.beneficiaryIds.flatMap((id) => known.current.get(id)?.name ?? []);
    const who = names.length ? names.join('、') : body.headCount ? `${body.headCount} 人` : '';
    const title = [servedOn, SERVICE_FORM_LABELS[body.form], who].filter(Boolean).join(' ');
    const saved = { ...body, id: body.id } as OutboxItem['body'];
    if (fixing) await replace(fixing, saved, title, photos);
    else await enqueue(user.id, saved, title, photos);
    remember({ stationId: body.stationId, catalogueCode: body.catalogueCode, form: body.form });
    message.success(navigator.onLine ? '已保存，正在发送' : '已保存在本机，联网后自动发送');
    if (fixing) return nav('/services/outbox');
    // Ready for the next record: the same station, date, form and item; the people, words and photos cleared.
    form.resetFields([
      'beneficiaryIds',
      'summary',
      'place',
      'headCount',
      'concernOn',
      'concernKind',
      'concernDescription',
    ]);
    setPhotos([]);
  }

  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader
        title={fixing ? '修改待发送的记录' : '记一条服务'}
        crumbs={[{ title: '服务记录', to: '/services' }, { title: fixing ? '修改' : '记录服务' }]}
        tags={caseId && <Tag color="blue">个案服务记录</Tag>}
      />
      {items && !items.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="今天没有您服务的社工站（驻站安排或承接合同未生效），暂不能记录服务。请联系机构管理员。"
        />
      )}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={() => void save(form.getFieldsValue(true) as Values)}
          initialValues={{
            servedOn: dayjs(),
            durationMinutes: 30,
            beneficiaryIds: personId ? [personId] : [],
            form: caseId ? 'case_work' : (last.form ?? 'home_visit'),
            catalogueCode: last.catalogueCode,
          }}
        >
          {/* Always registered (watched below); shown only when the worker has more than one station. */}
          <Form.Item
            name="stationId"
            label="社工站"
            hidden={(items?.length ?? 0) <= 1}
            rules={[{ required: true, message: '请选择社工站' }]}
          >
            <Select {...big} options={items?.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Form.Item name="form" label="服务形式" rules={[{ required: true, message: '请选择服务形式' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 6 }}
              options={SERVICE_FORMS.map((f) => ({
                value: f,
                label: SERVICE_FORM_LABELS[f],
                style: { textAlign: 'center', padding: '4px 0', height: 40, lineHeight: '30px', borderRadius: 6 },
              }))}
            />
          </Form.Item>
          <PeopleChips
            label={due.data ? '待走访 / 我的服务对象' : '我的服务对象'}
            people={quick}
            chosen={chosen}
            onToggle={toggle}
          />
          <Form.Item name="beneficiaryIds" label="服务对象" extra={!named && '社区活动等可不选，填写参与人数'}>
            <Select
              {...big}
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
              onChange={() => setSearch('')}
              placeholder="搜索姓名、身份证号或电话"
              loading={people.isLoading || found.isFetching}
              options={sorted.map((p) => ({ value: p.id, label: `${p.name}${p.village ? `（${p.village}）` : ''}` }))}
            />
          </Form.Item>
          {!named && (
            <Form.Item name="headCount" label="参与人数">
              <InputNumber {...big} min={0} max={5000} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name="catalogueCode"
            label="服务内容（附件2 项目）"
            rules={[{ required: true, message: '请选择服务内容' }]}
            extra={fit && !fit.fits ? fit.note : undefined}
          >
            <Select
              {...big}
              showSearch={{ optionFilterProp: 'label' }}
              loading={catalogue.isLoading}
              placeholder="选择项目"
              options={[
                { label: '适合所选对象', options: ordered.filter((i) => i.fits).map(option) },
                { label: '其他项目', options: ordered.filter((i) => !i.fits).map(option) },
              ].filter((g) => g.options.length)}
            />
          </Form.Item>
          <Form.Item
            name="summary"
            label="服务内容记录"
            rules={[{ required: true, min: 2, message: '请用几句话记录服务内容' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder="几句话即可" />
          </Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
            <Form.Item name="servedOn" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
              <DatePicker {...big} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="durationMinutes"
              label="时长（分钟）"
              rules={[{ required: true, message: '请填写服务时长' }]}
            >
              <InputNumber {...big} min={1} max={720} style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item name="place" label="地点（可不填）">
            <Input {...big} maxLength={100} />
          </Form.Item>
          <Form.Item label="照片（可不拍）">
            <PhotoPicker value={photos} onChange={setPhotos} />
          </Form.Item>
          <ConcernFields form={form} />
          <Button type="primary" htmlType="submit" block size="large" style={{ height: 48 }}>
            保存
          </Button>
        </Form>
      </Card>
    </div>
  );
}
