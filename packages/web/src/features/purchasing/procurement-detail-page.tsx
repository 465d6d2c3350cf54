import { Link, useNavigate, useParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  Typography,
} from 'antd';
import {
  CONTRACT_TERMS,
  PURCHASE_METHOD_LABELS,
  formatFen,
  type ContractTerm,
  type ProcurementView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { showFormError } from '../../lib/zod-rule';
import { useSignContract } from '../contracts/contracts.api';
import { PreAwardAwardWarning, PreAwardCard } from '../evaluation/pre-award-card';
import { OrganisationSelect } from '../organisations/organisation-select';
import { ProcurementStatusTag } from './plan-status-tag';
import { useAwardProcurement, useProcurement } from './purchasing.api';

export function ProcurementDetailPage() {
  const { procurementId = '' } = useParams();
  const { data, error } = useProcurement(procurementId);
  if (error) return <Empty description={(error as Error).message} />;
  return data ? <ProcurementDetail p={data} /> : <Spin />;
}

const day = (v: unknown) => (v as Dayjs).format('YYYY-MM-DD');

function ProcurementDetail({ p }: { p: ProcurementView }) {
  const { can } = useAuth();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [award] = Form.useForm();
  const [sign] = Form.useForm();
  const candidate = Form.useWatch('organisationId', award) as string | undefined;
  const awardTo = useAwardProcurement(p.id);
  const signContract = useSignContract();

  async function doAward(v: Record<string, unknown>) {
    try {
      await awardTo.mutateAsync({
        organisationId: v.organisationId as string,
        amount: String(v.amount),
        awardedOn: day(v.awardedOn),
      });
      message.success('已确定承接主体');
    } catch (e) {
      showFormError(award, e, message.error);
    }
  }
  async function doSign(v: Record<string, unknown>) {
    try {
      const terms = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, v[k]])) as Record<
        ContractTerm,
        string
      >;
      const c = await signContract.mutateAsync({
        procurementId: p.id,
        title: v.title as string,
        signedOn: day(v.signedOn),
        cycleStart: day(v.cycleStart),
        publishedOn: v.publishedOn ? day(v.publishedOn) : null,
        terms,
        firstAgreement: { amount: String(v.amount), publishedOn: v.publishedOn ? day(v.publishedOn) : null },
      });
      nav(`/contracts/${c.id}`);
    } catch (e) {
      showFormError(sign, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title={p.title}
        tags={<ProcurementStatusTag status={p.status} />}
        crumbs={[{ title: '采购', to: '/procurements' }, { title: p.title }]}
      />
      <Card title="采购公告" style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="单位">{p.countyName}</Descriptions.Item>
          <Descriptions.Item label="购买方式">{PURCHASE_METHOD_LABELS[p.method]}</Descriptions.Item>
          <Descriptions.Item label="公告日期">{p.publishedOn}</Descriptions.Item>
          <Descriptions.Item label="预算">{formatFen(p.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label="覆盖的社工站" span={2}>
            {p.stations.map((s) => s.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="服务内容" span={2}>
            {p.serviceContent}
          </Descriptions.Item>
          <Descriptions.Item label="服务标准" span={2}>
            {p.serviceStandards}
          </Descriptions.Item>
          <Descriptions.Item label="服务要求" span={2}>
            {p.requirements}
          </Descriptions.Item>
          <Descriptions.Item label="承接主体条件" span={2}>
            {p.bidderConditions}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {p.award && (
        <Card title="采购结果" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="承接主体">
              <Link to={`/organisations/${p.award.organisationId}`}>{p.award.organisationName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="金额">{formatFen(p.award.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="中标（成交）通知书日期">{p.award.awardedOn}</Descriptions.Item>
          </Descriptions>
          {p.contractId && <Link to={`/contracts/${p.contractId}`}>查看合同</Link>}
        </Card>
      )}
      <PreAwardCard p={p} />
      {p.status === 'published' && can('purchase:write') && (
        <Card title="确定承接主体" style={{ marginBottom: 16 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="《实施方案》四（一）：承接主体业务范围须含社会工作；外地机构须评估等级 3A 以上（确定时自动校验）"
          />
          <Form form={award} layout="vertical" onFinish={doAward}>
            <Space wrap align="start">
              <Form.Item label="承接主体" name="organisationId" rules={[{ required: true, message: '请选择' }]}>
                <OrganisationSelect
                  style={{ width: 300 }}
                  lists={[
                    { title: `${p.countyName}登记的机构`, query: { county: p.countyCode } },
                    { title: '外地机构', query: { local: 'false' } },
                  ]}
                  labelOf={(o) => `${o.name}（${o.local ? '本地' : '外地'}，${o.grade ?? '未评定'}）`}
                />
              </Form.Item>
              <Form.Item label="中标（成交）金额（元）" name="amount" rules={[{ required: true, message: '请输入' }]}>
                <InputNumber min={0} precision={2} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item label="通知书日期" name="awardedOn" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <PreAwardAwardWarning p={p} organisationId={candidate} />
            <Button type="primary" htmlType="submit">
              确定承接主体
            </Button>
          </Form>
        </Card>
      )}
      {p.status === 'awarded' && !p.contractId && can('contracts:write') && (
        <Card title="签订政府购买服务合同（《实施方案》五（三）：通知书发出之日起 30 日内）">
          <Form
            form={sign}
            layout="vertical"
            onFinish={doSign}
            initialValues={{ title: `${p.title}服务合同`, amount: p.award ? p.award.amountFen / 100 : undefined }}
          >
            <Form.Item label="合同名称" name="title" rules={[{ required: true, message: '请输入' }]}>
              <Input />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item label="签订日期" name="signedOn" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item label="合同周期开始" name="cycleStart" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item label="公告日期" name="publishedOn">
                <DatePicker />
              </Form.Item>
              <Form.Item label="第一年协议金额（元）" name="amount" rules={[{ required: true, message: '请输入' }]}>
                <InputNumber min={0} precision={2} style={{ width: 180 }} />
              </Form.Item>
            </Space>
            {Object.entries(CONTRACT_TERMS).map(([k, label]) => (
              <Form.Item key={k} label={label} name={k} rules={[{ required: true, message: `请填写${label}` }]}>
                <Input.TextArea rows={1} autoSize />
              </Form.Item>
            ))}
            <Typography.Paragraph type="secondary">
              合同周期 3 年，一年一签；第一年协议与合同同时签订。
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit">
              签订合同
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
