import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin } from 'antd';
import {
  INSTITUTION_ITEMS,
  MIN_OFFICE_AREA_M2,
  SITE_ITEMS,
  STATION_STATUS_LABELS,
  STATION_STATUSES,
  createStationSchema,
  requiredStationName,
  type CreateStationInput,
  type StationView,
  type UpdateStationInput,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { useDivisions } from '../../lib/divisions';
import { fieldErrorsToAntd, zodRule } from '../../lib/zod-rule';
import { useCreateStation, useStation, useUpdateStation } from './stations.api';

const S = createStationSchema.shape;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const siteOptions = Object.entries(SITE_ITEMS).map(([value, label]) => ({ value, label }));
const institutionOptions = Object.entries(INSTITUTION_ITEMS).map(([value, label]) => ({ value, label }));
const DATE_FIELDS = ['buildingStartedOn', 'openedOn', 'suspendedOn'] as const;

type FormValues = Record<string, unknown> & { site?: string[]; institutions?: string[] };

const toChecked = (keys: string[] | undefined, all: object) =>
  Object.fromEntries(Object.keys(all).map((k) => [k, !!keys?.includes(k)]));
const fromChecked = (m: Record<string, boolean | undefined>) =>
  Object.entries(m)
    .filter(([, v]) => v)
    .map(([k]) => k);

/** Registers a station (R-ST-1…4) or edits one; the same form for both. */
export function StationFormPage() {
  const { stationId } = useParams();
  const editing = !!stationId;
  const existing = useStation(stationId ?? '');
  return editing && !existing.data ? <Spin /> : <StationForm station={existing.data} />;
}

function StationForm({ station }: { station?: StationView }) {
  const [form] = Form.useForm<FormValues>();
  const nav = useNavigate();
  const createStation = useCreateStation();
  const updateStation = useUpdateStation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const divisions = useDivisions();
  const townships = useMemo(
    () =>
      (divisions.data ?? []).filter(
        (d) =>
          d.level === 'township' &&
          (d.parentCode === user?.divisionCode ||
            d.code === user?.divisionCode ||
            divisions.data?.find((u) => u.code === user?.divisionCode)?.level === 'city'),
      ),
    [divisions.data, user],
  );
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!station) return;
    form.setFieldsValue({
      ...station,
      ...Object.fromEntries(DATE_FIELDS.map((k) => [k, station[k] ? dayjs(station[k]) : undefined])),
      site: fromChecked(station.site),
      institutions: fromChecked(station.institutions),
    });
  }, [station, form]);

  async function submit(v: FormValues) {
    const body: Record<string, unknown> = {
      batchYear: v.batchYear,
      status: v.status,
      name: v.name || undefined,
      address: v.address ?? '',
      phone: v.phone ?? '',
      openingHours: v.openingHours ?? '',
      longitude: v.longitude ?? null,
      latitude: v.latitude ?? null,
      officeAreaM2: v.officeAreaM2 ?? null,
      activityAreaM2: v.activityAreaM2 ?? null,
      notes: v.notes ?? '',
      site: toChecked(v.site, SITE_ITEMS),
      institutions: toChecked(v.institutions, INSTITUTION_ITEMS),
      ...Object.fromEntries(DATE_FIELDS.map((k) => [k, v[k] ? (v[k] as Dayjs).format('YYYY-MM-DD') : null])),
    };
    try {
      const saved = station
        ? await updateStation.mutateAsync({
            ...body,
            id: station.id,
            version: station.version,
          } as UpdateStationInput & {
            id: string;
          })
        : await createStation.mutateAsync({ ...body, townshipCode: v.townshipCode } as CreateStationInput);
      message.success(station ? '已保存' : '社工站已登记');
      nav(`/stations/${saved.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(fieldErrorsToAntd(e.fieldErrors));
      message.error(e.message);
    }
  }

  return (
    <>
      <PageHeader
        title={station ? `编辑：${station.name}` : '登记社工站'}
        crumbs={[
          { title: '社工站', to: '/stations' },
          ...(station ? [{ title: station.name, to: `/stations/${station.id}` }] : []),
          { title: station ? '编辑' : '登记' },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ status: 'planned', batchYear: 2021, site: [], institutions: [] }}
        scrollToFirstError
        // Enter in a field (a date picker confirms with Enter) must not submit a half-filled form: only the button does.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
        }}
      >
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="乡镇（街道）"
                name="townshipCode"
                rules={[{ required: !station, message: '请选择乡镇（街道）' }]}
                extra="每个乡镇（街道）只设一个社工站"
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={!!station}
                  placeholder="请选择"
                  options={
                    station
                      ? [{ value: station.townshipCode, label: station.townshipName }]
                      : townships.map((t) => ({ value: t.code, label: t.name }))
                  }
                  onChange={(code) => {
                    const t = townships.find((x) => x.code === code);
                    if (t) form.setFieldValue('name', requiredStationName(t.name));
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                label="站点名称"
                name="name"
                extra="格式：××乡镇（街道）社会工作服务站"
                rules={[zodRule(S.name.unwrap())]}
              >
                <Input placeholder="选择乡镇（街道）后自动生成" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="批次（年度）" name="batchYear" rules={[{ required: true, message: '请选择批次' }]}>
                <Select options={YEARS.map((y) => ({ value: y, label: `${y}年` }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="状态" name="status" rules={[{ required: true, message: '请选择状态' }]}>
                <Select options={STATION_STATUSES.map((s) => ({ value: s, label: STATION_STATUS_LABELS[s] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="开工日期" name="buildingStartedOn">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                label="运营日期"
                name="openedOn"
                rules={[
                  {
                    required: status === 'operating' || status === 'suspended',
                    message: '运营中或暂停的站点须填写运营日期',
                  },
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                label="暂停日期"
                name="suspendedOn"
                rules={[{ required: status === 'suspended', message: '暂停的站点须填写暂停日期' }]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="地址"
                name="address"
                rules={[
                  zodRule(S.address.unwrap()),
                  {
                    // The public directory shows where an open station is: it cannot open without an address.
                    required: status === 'operating' || status === 'suspended',
                    whitespace: true,
                    message: '运营中或暂停的站点须填写地址',
                  },
                ]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="联系电话" name="phone" rules={[zodRule(S.phone.unwrap())]}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="开放时间" name="openingHours">
                <Input placeholder="如：周一至周五 8:30-17:30" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="经度" name="longitude">
                <InputNumber style={{ width: '100%' }} min={73} max={136} step={0.000001} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="纬度" name="latitude">
                <InputNumber style={{ width: '100%' }} min={3} max={54} step={0.000001} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="场地设施（《实施方案》四（三））" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item label="办公用房面积（㎡）" name="officeAreaM2" extra={`不少于 ${MIN_OFFICE_AREA_M2} ㎡`}>
                <InputNumber style={{ width: '100%' }} min={0} precision={2} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="活动用房面积（㎡）" name="activityAreaM2">
                <InputNumber style={{ width: '100%' }} min={0} precision={2} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="设施与功能室（已具备的打勾）" name="site">
            <Checkbox.Group options={siteOptions} />
          </Form.Item>
        </Card>
        <Card title="制度建设（《实施方案》四（四））" style={{ marginBottom: 16 }}>
          <Form.Item label="已建立的制度和机制" name="institutions">
            <Checkbox.Group options={institutionOptions} />
          </Form.Item>
          <Form.Item label="备注" name="notes">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" size="large">
            {station ? '保存' : '登记'}
          </Button>
          <Button size="large" onClick={() => nav(-1)}>
            取消
          </Button>
        </Space>
      </Form>
    </>
  );
}
