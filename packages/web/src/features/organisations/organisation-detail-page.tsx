import { useState } from 'react';
import { useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import {
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_KINDS,
  ORGANISATION_TYPE_LABELS,
  type CreateDisclosureInput,
  type OrganisationDetail,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { AttachmentsList } from '../../components/attachments-list';
import { FindingsAlert } from '../../components/findings-alert';
import { PageHeader } from '../../components/page-header';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { showFormError } from '../../lib/zod-rule';
import { OrganisationFields, organisationFromForm, organisationToForm } from './organisation-form';
import {
  disclosureFileUrl,
  disclosureUploadUrl,
  useDisclose,
  useOrganisation,
  useRefreshOrganisations,
  useUpdateOrganisation,
} from './organisations.api';

export function OrganisationDetailPage() {
  const { organisationId = '' } = useParams();
  const { data, error } = useOrganisation(organisationId);
  if (error) return <Empty description={(error as Error).message} />;
  return data ? <OrganisationDetailView o={data} /> : <Spin />;
}

function OrganisationDetailView({ o }: { o: OrganisationDetail }) {
  const { message } = App.useApp();
  const { user } = useAuth();
  const divisions = useDivisions();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const [disclosure] = Form.useForm();
  const update = useUpdateOrganisation(o.id);
  const publish = useDisclose(o.id);
  const refresh = useRefreshOrganisations();
  const units = [
    ...(divisions.data ?? []).filter((d) => d.code === user?.divisionCode && d.level === 'city'),
    ...unitsFor(divisions.data, user?.divisionCode),
  ];

  async function save(v: Record<string, unknown>) {
    try {
      await update.mutateAsync({ ...organisationFromForm(v), version: o.version });
      message.success('已保存');
      setEditing(false);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }
  async function disclose(v: Record<string, unknown>) {
    try {
      await publish.mutateAsync({ ...v, year: v.year ?? null, content: v.content ?? '' } as CreateDisclosureInput);
      message.success('已发布，公众可在公开目录查看');
      disclosure.resetFields();
    } catch (e) {
      showFormError(disclosure, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title={o.name}
        tags={<Tag>{ORGANISATION_TYPE_LABELS[o.type]}</Tag>}
        crumbs={[{ title: '社会组织', to: '/organisations' }, { title: o.name }]}
        extra={
          o.abilities.update &&
          !editing && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                form.setFieldsValue(organisationToForm(o));
                setEditing(true);
              }}
            >
              编辑
            </Button>
          )
        }
      />
      <FindingsAlert findings={o.findings} />
      {editing ? (
        <Card>
          <Form form={form} layout="vertical" onFinish={save}>
            <OrganisationFields form={form} units={units} />
            <Space>
              <Button type="primary" htmlType="submit">
                保存
              </Button>
              <Button onClick={() => setEditing(false)}>取消</Button>
            </Space>
          </Form>
        </Card>
      ) : (
        <Card>
          <Tabs
            items={[
              {
                key: 'info',
                label: '登记信息',
                children: (
                  <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                    <Descriptions.Item label="统一社会信用代码">
                      {o.creditCode} {!o.creditCodeValid && <Tag color="warning">未通过校验</Tag>}
                    </Descriptions.Item>
                    <Descriptions.Item label="登记管理机关">{o.registrationAuthority || '—'}</Descriptions.Item>
                    <Descriptions.Item label="登记日期">{fmtDate(o.registeredOn)}</Descriptions.Item>
                    <Descriptions.Item label="法定代表人">{o.legalRepresentative || '—'}</Descriptions.Item>
                    <Descriptions.Item label="联系人">{o.contactName || '—'}</Descriptions.Item>
                    <Descriptions.Item label="联系电话">{o.contactPhone || '—'}</Descriptions.Item>
                    <Descriptions.Item label="地址">{o.address || '—'}</Descriptions.Item>
                    <Descriptions.Item label="业务范围含社会工作">
                      {o.socialWorkInScope ? '是' : '否'}
                    </Descriptions.Item>
                    <Descriptions.Item label="评估等级">
                      {o.grade ? `${o.grade}（有效期至 ${fmtDate(o.gradeValidUntil)}）` : '未评定'}
                    </Descriptions.Item>
                    <Descriptions.Item label="本地机构">
                      {o.local ? '是（濮阳市登记）' : '否（外地引进）'}
                    </Descriptions.Item>
                    <Descriptions.Item label="平台登记单位">{o.divisionName}</Descriptions.Item>
                    <Descriptions.Item label="业务范围">{o.businessScope || '—'}</Descriptions.Item>
                  </Descriptions>
                ),
              },
              {
                key: 'disclosures',
                label: `信息公开（${o.disclosures.length}）`,
                children: (
                  <>
                    {o.abilities.disclose && (
                      <Card size="small" title="发布公开信息（《实施方案》二（三））" style={{ marginBottom: 16 }}>
                        <Form form={disclosure} layout="vertical" onFinish={disclose} initialValues={{ kind: 'basic' }}>
                          <Space wrap align="start">
                            <Form.Item label="类别" name="kind">
                              <Select
                                style={{ width: 160 }}
                                options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: DISCLOSURE_KIND_LABELS[k] }))}
                              />
                            </Form.Item>
                            <Form.Item label="年度" name="year">
                              <InputNumber min={2000} max={2100} placeholder="财务报告必填" style={{ width: 130 }} />
                            </Form.Item>
                            <Form.Item label="标题" name="title" rules={[{ required: true, message: '请输入标题' }]}>
                              <Input style={{ width: 280 }} />
                            </Form.Item>
                          </Space>
                          <Form.Item label="内容" name="content">
                            <Input.TextArea rows={3} />
                          </Form.Item>
                          <Button type="primary" htmlType="submit">
                            发布
                          </Button>
                        </Form>
                      </Card>
                    )}
                    <List
                      dataSource={o.disclosures}
                      locale={{ emptyText: '尚未公开信息' }}
                      renderItem={(d) => (
                        <List.Item>
                          <List.Item.Meta
                            title={
                              <Space>
                                <Tag>{DISCLOSURE_KIND_LABELS[d.kind]}</Tag>
                                {d.title}
                                {d.year && <Tag>{d.year}年度</Tag>}
                              </Space>
                            }
                            description={
                              <>
                                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                                  {d.content}
                                </Typography.Paragraph>
                                <Typography.Text type="secondary">发布于 {fmtDateTime(d.publishedAt)}</Typography.Text>
                                <AttachmentsList
                                  files={d.files}
                                  hrefOf={(f) => disclosureFileUrl(o.id, d.id, f.fileId)}
                                  uploadUrl={o.abilities.disclose ? disclosureUploadUrl(o.id, d.id) : undefined}
                                  onUploaded={() => void refresh()}
                                />
                              </>
                            }
                          />
                        </List.Item>
                      )}
                    />
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
