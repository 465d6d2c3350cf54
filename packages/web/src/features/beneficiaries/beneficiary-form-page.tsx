import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { App, Button, Card, Form, Select } from 'antd';
import type { CreateBeneficiaryInput, MatchView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { useStations } from '../stations/stations.api';
import { useStationLabel } from '../stations/station-label';
import { useWorkerSearch } from '../workers/workers.api';
import { useCreateBeneficiary, useLinkBeneficiary, useMatches } from './beneficiaries.api';
import { CategoryRows, categoryBody, type CategoryFormValues } from './beneficiary-category-fields';
import { MatchPanel } from './beneficiary-matches';
import { PersonFields, personBody, useIdentityFacts, type PersonFormValues } from './beneficiary-person-fields';
import { showServerErrors } from './form-errors';

type Values = PersonFormValues & { stationId?: string; categories?: CategoryFormValues[] };

/**
 * 登记服务对象 (R-SVC-1), quick entry on a phone: one column, big targets, my station and (for a social worker) me as the
 * responsible worker filled in. Before saving it asks who this might already be; an ID already registered is linked to
 * the station instead of copied (one person once).
 */
export function BeneficiaryFormPage() {
  const nav = useNavigate();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const stationLabel = useStationLabel();
  const stations = useStations({ page: 1, pageSize: 200 });
  const stationId = Form.useWatch('stationId', form);
  const station = stations.data?.items.find((s) => s.id === stationId);
  const workers = useWorkerSearch();
  const { minor } = useIdentityFacts(form);
  const create = useCreateBeneficiary();
  const link = useLinkBeneficiary();
  const findMatches = useMatches();
  const [matches, setMatches] = useState<MatchView[] | null>(null);

  // Defaults: my station when I have only one; a social worker is the responsible worker of whom they register.
  const only = stations.data?.items.length === 1 ? stations.data.items[0].id : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('stationId')) form.setFieldValue('stationId', only);
  }, [form, only]);
  const me = user?.role === 'social_worker' ? workers.items.find((w) => w.name === user.displayName) : undefined;
  useEffect(() => {
    if (me && !form.getFieldValue('workerId')) form.setFieldValue('workerId', me.id);
  }, [form, me]);
  // The station's own workers first; everyone the caller may pick when the station has none yet.
  const atStation = workers.items.filter((w) => station && w.stationNames.includes(station.name));
  const workerOptions = (atStation.length ? atStation : workers.items).map((w) => ({
    value: w.id,
    label: w.stationNames.length ? `${w.name}（${w.stationNames.join('、')}）` : w.name,
  }));

  function body(): CreateBeneficiaryInput {
    const v = form.getFieldsValue(true) as Values;
    return {
      stationId: v.stationId ?? '',
      ...personBody(v, minor),
      categories: (v.categories ?? []).map(categoryBody),
    };
  }

  async function save() {
    try {
      const b = await create.mutateAsync(body());
      message.success(`已登记 ${b.name}`);
      nav(`/beneficiaries/${b.id}`);
    } catch (e) {
      // An ID registered meanwhile (409 DUPLICATE): show who it is and offer the link, as the check before saving does.
      if (e instanceof ApiError && e.code === 'DUPLICATE' && (await check())) return;
      showServerErrors(form, e, message.error);
    }
  }

  /** Asks the server who this might be; true when there are matches to show. */
  async function check(): Promise<boolean> {
    const b = body();
    const found = await findMatches.mutateAsync({
      idNumber: b.idNumber ?? '',
      name: b.name,
      gender: b.gender ?? null,
      birthYear: b.birthYear ?? null,
      village: b.village ?? '',
    });
    setMatches(found.items.length ? found.items : null);
    return found.items.length > 0;
  }

  async function submit() {
    try {
      if (await check()) return;
    } catch (e) {
      return showServerErrors(form, e, message.error);
    }
    await save();
  }

  async function linkTo(m: MatchView) {
    const b = body();
    try {
      const v = await link.mutateAsync({
        stationId: b.stationId,
        idNumber: m.by === 'id' ? (b.idNumber ?? '') : '',
        beneficiaryId: m.by === 'id' ? null : m.linkId,
        name: b.name,
        workerId: b.workerId ?? null,
      });
      message.success(`已关联到本站：${v.name}`);
      nav(`/beneficiaries/${v.id}`);
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="登记服务对象"
        crumbs={[{ title: '服务对象', to: '/beneficiaries' }, { title: '登记服务对象' }]}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => matches && setMatches(null)}
        initialValues={{ noId: false, household: [], categories: [] }}
        style={{ maxWidth: 640 }}
        scrollToFirstError
      >
        <Card size="small" title="所属社工站" style={{ marginBottom: 16 }}>
          <Form.Item label="社工站" name="stationId" rules={[{ required: true, message: '请选择社工站' }]}>
            <Select
              size="large"
              showSearch={{ optionFilterProp: 'label' }}
              loading={stations.isLoading}
              options={(stations.data?.items ?? []).map((s) => ({
                value: s.id,
                label: stationLabel(s.name, s.countyCode),
              }))}
            />
          </Form.Item>
          <Form.Item label="负责社工" name="workerId" extra="负责该对象日常服务的驻站社工">
            <Select
              size="large"
              allowClear
              showSearch={{ filterOption: false, onSearch: workers.search }}
              loading={workers.fetching}
              options={workerOptions}
            />
          </Form.Item>
        </Card>
        <Card size="small" title="基本信息" style={{ marginBottom: 16 }}>
          <PersonFields />
        </Card>
        <Card size="small" title="救助类别" style={{ marginBottom: 16 }}>
          <CategoryRows defaults={() => ({ startedOn: dayjs(), source: '' })} />
        </Card>
        {matches && (
          <MatchPanel
            matches={matches}
            stationName={station?.name}
            linking={link.isPending}
            onLink={linkTo}
            onCreateAnyway={() => void save()}
            onCancel={() => setMatches(null)}
          />
        )}
        {!matches && (
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={findMatches.isPending || create.isPending}
            style={{ marginBottom: 24 }}
          >
            登记
          </Button>
        )}
      </Form>
    </>
  );
}
