import { useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Empty, Form, Input, Radio, Select, Spin } from 'antd';
import { ALERT_KIND_LABELS, ALERT_KINDS, raiseAlertSchema, type RaiseAlertInput } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { zodRule } from '../../lib/zod-rule';
import { useBeneficiary } from '../beneficiaries/beneficiaries.api';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useRaiseAlert } from './alerts.api';

/**
 * 发出预警 (R-SVC-5), from a person's page, phone-first: the kind in one tap, a few words, send. It reaches the project
 * lead and the county at once.
 */
export function AlertRaisePage() {
  const [params] = useSearchParams();
  const beneficiaryId = params.get('beneficiaryId') ?? '';
  const person = useBeneficiary(beneficiaryId);
  const nav = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RaiseAlertInput>();
  const raise = useRaiseAlert();
  if (!beneficiaryId) return <Empty description="请从服务对象页面发出预警" />;
  if (person.error) return <Empty description={(person.error as Error).message} />;
  if (!person.data) return <Spin />;
  const b = person.data;

  async function submit(v: RaiseAlertInput) {
    try {
      const a = await raise.mutateAsync({ ...v, beneficiaryId });
      message.success('预警已发出，项目负责人和县（区）民政部门已可看到');
      nav(`/alerts/${a.id}`);
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="发出预警"
        crumbs={[
          { title: '服务对象', to: '/beneficiaries' },
          { title: b.name, to: `/beneficiaries/${b.id}` },
          { title: '发出预警' },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="发现疑似虐待、家庭暴力、遗弃等危险情况时使用。情况紧急的，请先拨打 110。"
      />
      <Card>
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ stationId: b.stationId }}
          onFinish={submit}
          requiredMark={false}
        >
          <Form.Item label="服务对象">{b.name}</Form.Item>
          <Form.Item name="stationId" label="社工站" hidden={b.stations.length < 2}>
            <Select options={b.stations.map((s) => ({ value: s.stationId, label: s.stationName }))} />
          </Form.Item>
          <Form.Item name="kind" label="发现的情况" rules={[{ required: true, message: '请选择预警类型' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={ALERT_KINDS.map((k) => ({ value: k, label: ALERT_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label="所见情况"
            rules={[
              { required: true, whitespace: true, message: '请填写所见情况' },
              zodRule(raiseAlertSchema.shape.description),
            ]}
            extra="写清看到或听到的情况，仅项目负责人、县（区）民政部门和责任社工可见"
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" block loading={raise.isPending}>
            发出预警
          </Button>
        </Form>
      </Card>
    </>
  );
}
