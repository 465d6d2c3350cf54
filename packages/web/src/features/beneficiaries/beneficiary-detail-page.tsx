import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Space,
  Spin,
  Tag,
  theme,
} from 'antd';
import {
  GENDER_LABELS,
  NO_ID_REASON_LABELS,
  unmaskBeneficiarySchema,
  type BeneficiaryView,
  type UnmaskedBeneficiary,
} from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { zodRule } from '../../lib/zod-rule';
import { useBeneficiary, useUnmaskBeneficiary } from './beneficiaries.api';
import { BeneficiaryEditDrawer } from './beneficiary-edit-drawer';
import { ConsentSection, RiskSection } from './beneficiary-risk-consent';
import { CategoryTags, Nothing, RESTRICTED_TEXT, RiskTag, SensitiveTag } from './beneficiary-tags';
import { CategoryTimeline } from './beneficiary-timeline';
import { showServerErrors } from './form-errors';

const crumbs = (name: string) => [{ title: '服务对象', to: '/beneficiaries' }, { title: name }];

/** A person's page (R-SVC-1, R-SVC-5, R-SCOPE-2). */
export function BeneficiaryDetailPage() {
  const { beneficiaryId = '' } = useParams();
  const { data, error } = useBeneficiary(beneficiaryId);
  if (error) return <Empty description={(error as Error).message} />;
  if (!data) return <Spin />;
  if (data.restricted)
    return (
      <>
        <PageHeader title="敏感记录" crumbs={crumbs('敏感记录')} />
        <Alert type="warning" showIcon title={RESTRICTED_TEXT} />
      </>
    );
  return <BeneficiaryDetail b={data} />;
}

function BeneficiaryDetail({ b }: { b: BeneficiaryView }) {
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm();
  const [asking, setAsking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [clear, setClear] = useState<UnmaskedBeneficiary | null>(null);
  const unmask = useUnmaskBeneficiary(b.id);

  async function reveal(v: { reason: string }) {
    try {
      setClear(await unmask.mutateAsync({ reason: v.reason }));
      setAsking(false);
      form.resetFields();
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  const idText =
    clear?.idNumber || b.idNumber || `无（${b.noIdReason ? NO_ID_REASON_LABELS[b.noIdReason] : '未说明'}）`;
  // Without an ID number the year is an estimate; with one, a masked record shows the year only.
  const year = b.birthYear ? `${b.birthYear} 年${b.idNumber ? '' : '（估计）'}` : '—';
  const birth = clear?.birthDate || b.birthDate || year;
  return (
    <>
      <PageHeader
        title={clear?.name ?? b.name}
        crumbs={crumbs(b.name)}
        tags={
          <>
            <CategoryTags categories={b.categories} />
            <RiskTag level={b.riskLevel} />
            <SensitiveTag sensitive={b.sensitive} />
          </>
        }
        extra={
          <Space wrap>
            {b.abilities.update && !b.masked && (
              <Button type="primary" onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {b.abilities.unmask && b.masked && !clear && <Button onClick={() => setAsking(true)}>查看明文</Button>}
            {b.abilities.update && (
              <Link to={`/alerts/new?beneficiaryId=${b.id}`}>
                <Button danger>发出预警</Button>
              </Link>
            )}
            {b.abilities.update && (
              <Link to={`/referrals/new?beneficiaryId=${b.id}`}>
                <Button>转介</Button>
              </Link>
            )}
          </Space>
        }
      />
      {clear && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="正在显示明文，本次查看已记入审计日志" />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="身份信息" style={{ marginBottom: 16 }}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="身份证号">{idText}</Descriptions.Item>
              <Descriptions.Item label="出生日期">{birth}</Descriptions.Item>
              <Descriptions.Item label="性别 / 年龄">
                {b.gender ? GENDER_LABELS[b.gender] : '—'} / {b.age != null ? `${b.age} 岁` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="出生地">{b.birthPlace || '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{clear?.phone || b.phone || '—'}</Descriptions.Item>
              <Descriptions.Item label="村（社区）">{b.village || '—'}</Descriptions.Item>
              <Descriptions.Item label="住址">{clear?.address || b.address || '—'}</Descriptions.Item>
              <Descriptions.Item label="负责社工">{b.workerName ?? '未指定'}</Descriptions.Item>
            </Descriptions>
          </Card>
          {(b.minor || b.guardian) && (
            <Card title="监护人" style={{ marginBottom: 16 }}>
              {b.guardian ? (
                <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                  <Descriptions.Item label="姓名">{b.guardian.name}</Descriptions.Item>
                  <Descriptions.Item label="关系">{b.guardian.relation}</Descriptions.Item>
                  <Descriptions.Item label="电话">{clear?.guardianPhone || b.guardian.phone || '—'}</Descriptions.Item>
                </Descriptions>
              ) : (
                <Alert type="warning" showIcon title="未成年人尚未登记监护人，请编辑补充" />
              )}
            </Card>
          )}
          <Card title="家庭成员" style={{ marginBottom: 16 }}>
            <List
              dataSource={b.household}
              locale={{ emptyText: <Nothing>未登记家庭成员</Nothing> }}
              renderItem={(m) => (
                <List.Item key={m.id}>
                  <span>
                    {m.memberId ? <Link to={`/beneficiaries/${m.memberId}`}>{m.name}</Link> : m.name}（{m.relation}）
                    {m.memberId && <Tag style={{ marginLeft: 8 }}>已登记服务对象</Tag>}
                  </span>
                </List.Item>
              )}
            />
          </Card>
          <Card title="服务社工站" style={{ marginBottom: 16 }}>
            <List
              dataSource={b.stations}
              renderItem={(st) => (
                <List.Item key={st.stationId}>
                  <div>
                    {st.countyName}·{st.stationName} {st.primary ? <Tag color="blue">登记站</Tag> : <Tag>共同服务</Tag>}
                    <div style={{ color: token.colorTextSecondary }}>
                      负责社工 {st.workerName ?? '未指定'} · 自 {st.since} 起
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <CategoryTimeline b={b} />
          <RiskSection b={b} />
          <ConsentSection b={b} />
          <Card title="服务记录" style={{ marginBottom: 16 }}>
            <Nothing>服务记录功能上线后，个案、走访和服务记录将显示在这里。</Nothing>
          </Card>
        </Col>
      </Row>
      {b.abilities.update && !b.masked && (
        <BeneficiaryEditDrawer b={b} open={editing} onClose={() => setEditing(false)} />
      )}
      <Modal
        title="查看明文"
        open={asking}
        onCancel={() => {
          setAsking(false);
          form.resetFields();
        }}
        onOk={() => form.submit()}
        okText="查看"
        confirmLoading={unmask.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={reveal}>
          <Form.Item
            label="查看原因（记入审计日志）"
            name="reason"
            rules={[{ required: true, message: '请写明查看原因' }, zodRule(unmaskBeneficiarySchema.shape.reason)]}
          >
            <Input.TextArea rows={2} placeholder="如：核实低保复核材料" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
