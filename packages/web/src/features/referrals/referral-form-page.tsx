import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Select, Spin } from 'antd';
import { REFERRAL_TARGET_LABELS, REFERRAL_TARGETS, type ReferralTarget } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { useBeneficiary } from '../beneficiaries/beneficiaries.api';
import { useDesk } from '../home/home.api';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useCreateReferral } from './referrals.api';

interface Values {
  stationId: string;
  target: ReferralTarget;
  agency: string;
  submittedOn: Dayjs;
  outcome?: string;
}

/** 登记转介 (附件2 (一)3), from a person's page: needs their recorded consent to referral (checked by the server). */
export function ReferralFormPage() {
  const [params] = useSearchParams();
  const beneficiaryId = params.get('beneficiaryId') ?? '';
  const person = useBeneficiary(beneficiaryId);
  const nav = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateReferral();
  // The server's today (its clock decides what is "after today"); the device's date only if the desk cannot answer.
  const desk = useDesk();
  const today = desk.data?.today ?? (desk.isError ? dayjs().format('YYYY-MM-DD') : undefined);
  if (!beneficiaryId) return <Empty description="请从服务对象页面发起转介" />;
  if (person.error) return <Empty description={(person.error as Error).message} />;
  if (!person.data || !today) return <Spin />;
  const b = person.data;
  const latest = b.consents.find((c) => c.kind === 'referral');
  const consented = latest?.decision === 'given';

  async function submit(v: Values) {
    try {
      await create.mutateAsync({
        ...v,
        beneficiaryId,
        submittedOn: v.submittedOn.format('YYYY-MM-DD'),
        outcome: v.outcome ?? '',
      });
      message.success('已登记转介');
      nav('/referrals');
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="登记转介"
        crumbs={[
          { title: '服务对象', to: '/beneficiaries' },
          { title: b.name, to: `/beneficiaries/${b.id}` },
          { title: '登记转介' },
        ]}
      />
      {!consented && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="转介须先记录服务对象（或监护人）同意转介"
          description={
            <>
              请先在<Link to={`/beneficiaries/${b.id}`}>服务对象页面</Link>的“同意记录”中记录同意转介。
            </>
          }
        />
      )}
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ stationId: b.stationId, submittedOn: dayjs(today) }}
          onFinish={submit}
          style={{ maxWidth: 560 }}
        >
          <Form.Item label="服务对象">{b.name}</Form.Item>
          <Form.Item name="stationId" label="社工站" hidden={b.stations.length < 2}>
            <Select options={b.stations.map((s) => ({ value: s.stationId, label: s.stationName }))} />
          </Form.Item>
          <Form.Item name="target" label="转介去向" rules={[{ required: true, message: '请选择转介去向' }]}>
            <Select options={REFERRAL_TARGETS.map((t) => ({ value: t, label: REFERRAL_TARGET_LABELS[t] }))} />
          </Form.Item>
          <Form.Item
            name="agency"
            label="对接部门或机构"
            rules={[{ required: true, whitespace: true, message: '请填写对接的部门或机构' }, { max: 100 }]}
          >
            <Input placeholder="如：镇民政所、县残联、某慈善基金会" />
          </Form.Item>
          <Form.Item name="submittedOn" label="提交日期" rules={[{ required: true, message: '请选择提交日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
          </Form.Item>
          <Form.Item name="outcome" label="备注" rules={[{ max: 1000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!consented}>
            登记转介
          </Button>
        </Form>
      </Card>
    </>
  );
}
