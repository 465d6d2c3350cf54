import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_SOURCE_LABELS, CASE_SOURCES, type CaseSource } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useMyStations, useStationPeople } from '../services/services.api';
import { useCreateCase } from './cases.api';

interface Values {
  stationId: string;
  beneficiaryId: string;
  source: CaseSource;
  openedOn: Dayjs;
  intakeNote: string;
}

/** 接案 (R-SVC-3): a person the station serves, where the case came from, the problem in a few words. */
export function CaseNewPage() {
  const { message } = App.useApp();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const stations = useMyStations();
  const stationId = Form.useWatch('stationId', form);
  const people = useStationPeople(stationId);
  const create = useCreateCase();
  const only = stations.data?.items.length === 1 ? stations.data.items[0].id : undefined;
  useEffect(() => {
    const preset = params.get('stationId') ?? only;
    if (preset && !form.getFieldValue('stationId')) form.setFieldsValue({ stationId: preset });
  }, [only, params, form]);

  async function submit(v: Values) {
    try {
      const c = await create.mutateAsync({ ...v, openedOn: v.openedOn.format('YYYY-MM-DD') });
      message.success('已开案，请继续填写预估');
      nav(`/cases/${c.id}`);
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader title="开案" crumbs={[{ title: '个案', to: '/cases' }, { title: '开案' }]} />
      <Card style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            openedOn: dayjs(),
            source: 'visit',
            beneficiaryId: params.get('beneficiaryId') ?? undefined,
          }}
        >
          <Form.Item name="stationId" label="社工站" rules={[{ required: true, message: '请选择社工站' }]}>
            <Select
              size="large"
              loading={stations.isLoading}
              options={stations.data?.items.map((s) => ({ value: s.id, label: s.name }))}
              onChange={() => form.setFieldsValue({ beneficiaryId: undefined })}
            />
          </Form.Item>
          <Form.Item name="beneficiaryId" label="服务对象" rules={[{ required: true, message: '请选择服务对象' }]}>
            <Select
              size="large"
              showSearch
              optionFilterProp="label"
              placeholder={stationId ? '输入姓名查找' : '请先选择社工站'}
              disabled={!stationId}
              loading={people.isLoading}
              options={people.data?.items
                .filter((b) => !b.restricted)
                .map((b) => ({ value: b.id, label: b.village ? `${b.name}（${b.village}）` : b.name }))}
            />
          </Form.Item>
          <Form.Item name="source" label="个案来源" rules={[{ required: true, message: '请选择个案来源' }]}>
            <Select size="large" options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="openedOn" label="开案日期" rules={[{ required: true, message: '请选择开案日期' }]}>
            <DatePicker size="large" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="intakeNote"
            label="求助问题"
            extra="用服务对象自己的话简要记录；仅个案社工、项目主管和县级主管可见"
            rules={[{ required: true, min: 2, message: '请简要记录求助问题' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={create.isPending}>
            开案
          </Button>
        </Form>
      </Card>
    </>
  );
}
