import { useState } from 'react';
import { Link, useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
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
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import {
  CERTIFICATE_LABELS,
  EDUCATION_LABELS,
  QUALIFYING_ORGANISERS,
  WORKER_ROLE_LABELS,
  type AssignmentView,
  type WorkerView,
} from '@shegong/shared';
import { AttachmentsList } from '../../components/attachments-list';
import { FindingsAlert } from '../../components/findings-alert';
import { PageHeader } from '../../components/page-header';
import { showFormError } from '../../lib/zod-rule';
import { useTrainings } from './trainings.api';
import { FilingTag, QualificationTag } from './worker-tags';
import {
  useAssignableStations,
  useAssignWorker,
  useCreateWorkerAccount,
  useRefreshWorkers,
  useUnmaskWorker,
  useWorker,
  useWorkerFiling,
  workerFileUrl,
  workerUploadUrl,
} from './workers.api';
import { useStationLabel } from '../stations/station-label';

export function WorkerDetailPage() {
  const { workerId = '' } = useParams();
  const { data, error } = useWorker(workerId);
  if (error) return <Empty description={(error as Error).message} />;
  return data ? <WorkerDetail w={data} /> : <Spin />;
}

function WorkerDetail({ w }: { w: WorkerView }) {
  const stationLabel = useStationLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [dialog, setDialog] = useState<null | 'assign' | 'return' | 'unmask' | 'account'>(null);
  const [clear, setClear] = useState<{ idNumber: string; phone: string } | null>(null);
  const stations = useAssignableStations(w.abilities.update);
  const refresh = useRefreshWorkers();
  const fileAction = useWorkerFiling(w.id);
  const assign = useAssignWorker(w.id);
  const unmask = useUnmaskWorker(w.id);
  const openAccount = useCreateWorkerAccount(w.id);
  // Qualifying training a civil affairs officer has not yet confirmed: recorded, but not counted (R-STAFF-3).
  const trainings = useTrainings({ workerId: w.id, pageSize: 200 }, { enabled: !w.qualification.qualified });
  const unconfirmedHours = (trainings.data?.items ?? [])
    .filter((t) => !t.organiserConfirmed && QUALIFYING_ORGANISERS.includes(t.organiserLevel))
    .flatMap((t) => t.attendees.filter((a) => a.workerId === w.id))
    .reduce((s, a) => s + a.hours, 0);

  async function filing(action: 'submit' | 'approve' | 'return', comment = '') {
    try {
      await fileAction.mutateAsync({ action, version: w.version, comment });
      message.success({ submit: '已报备', approve: '已审核通过', return: '已退回' }[action]);
      setDialog(null);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }
  async function submit(v: Record<string, unknown>) {
    try {
      if (dialog === 'assign')
        await assign.mutateAsync({
          stationId: String(v.stationId),
          startOn: (v.startOn as Dayjs).format('YYYY-MM-DD'),
        });
      if (dialog === 'return') return filing('return', String(v.comment ?? ''));
      if (dialog === 'unmask') setClear(await unmask.mutateAsync({ reason: String(v.reason ?? '') }));
      if (dialog === 'account') {
        await openAccount.mutateAsync({ username: String(v.username ?? ''), password: String(v.password ?? '') });
        message.success(`已开通账号 ${String(v.username)}，首次登录须修改密码`);
      }
      setDialog(null);
      form.resetFields();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title={w.name}
        tags={
          <>
            <Tag>{WORKER_ROLE_LABELS[w.role]}</Tag>
            <FilingTag status={w.filingStatus} />
            <QualificationTag w={w} />
          </>
        }
        crumbs={[{ title: '社工名册', to: '/workers' }, { title: w.name }]}
        extra={
          <Space wrap>
            {w.abilities.update && (
              <Button
                onClick={() => {
                  form.setFieldsValue({ startOn: dayjs() });
                  setDialog('assign');
                }}
              >
                派驻社工站
              </Button>
            )}
            {w.abilities.update && <Button onClick={() => setDialog('account')}>开通登录账号</Button>}
            {w.abilities.submit && (
              <Button type="primary" onClick={() => filing('submit')}>
                报县（区）备案
              </Button>
            )}
            {w.abilities.approve && (
              <Button type="primary" onClick={() => filing('approve')}>
                审核通过
              </Button>
            )}
            {w.abilities.approve && (
              <Button danger onClick={() => setDialog('return')}>
                退回
              </Button>
            )}
            {w.abilities.unmask && !clear && <Button onClick={() => setDialog('unmask')}>查看明文</Button>}
          </Space>
        }
      />
      {w.filingComment && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`备案意见：${w.filingComment}`} />
      )}
      <FindingsAlert findings={w.findings} />
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="身份证号">{clear?.idNumber ?? w.idNumber}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{clear?.phone ?? (w.phone || '—')}</Descriptions.Item>
          <Descriptions.Item label="性别 / 年龄">
            {w.gender === 'male' ? '男' : '女'} / {w.age} 岁
          </Descriptions.Item>
          <Descriptions.Item label="机构">{w.organisationName}</Descriptions.Item>
          <Descriptions.Item label="学历 / 专业">
            {EDUCATION_LABELS[w.education]} / {w.major || '—'}
            {w.socialWorkMajor && '（社会工作专业）'}
          </Descriptions.Item>
          <Descriptions.Item label="证书">
            {w.certificateLevel ? `${CERTIFICATE_LABELS[w.certificateLevel]} ${w.certificateNumber}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="聘用日期">{w.hireDate}</Descriptions.Item>
          <Descriptions.Item label="本地户籍">{w.localHukou ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="劳动合同">
            {w.labourContractStart ? `${w.labourContractStart} 至 ${w.labourContractEnd ?? '—'}` : '未登记'}
          </Descriptions.Item>
          <Descriptions.Item label="人事档案">{w.archiveKept ? '已建立' : '未建立'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="社会工作专业资质（系统计算）" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="结论">{w.qualification.explanation}</Descriptions.Item>
          <Descriptions.Item label="资质培训累计">{w.qualification.trainingHours} 学时</Descriptions.Item>
          <Descriptions.Item label="须具备期限">{w.deadline.on ?? '尚未派驻'}</Descriptions.Item>
          <Descriptions.Item label={`${w.continuingEducation.year} 年继续教育`}>
            {w.continuingEducation.hours} / 60 学时
          </Descriptions.Item>
        </Descriptions>
        {!w.qualification.qualified && unconfirmedHours > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title={
              <>
                另有 {unconfirmedHours} 学时培训待县（区）民政局确认主办单位，确认后计入资质学时。
                <Link to="/trainings">查看培训</Link>
              </>
            }
          />
        )}
      </Card>
      {!w.masked && (
        <Card title="附件（劳动合同、人事档案、证书）" style={{ marginBottom: 16 }}>
          <AttachmentsList
            files={w.files}
            hrefOf={(f) => workerFileUrl(w.id, f.fileId)}
            uploadUrl={w.abilities.update ? workerUploadUrl(w.id) : undefined}
            labels={['劳动合同', '人事档案', '资格证书', '学历证明', '其他']}
            onUploaded={() => void refresh()}
          />
        </Card>
      )}
      <Card title="派驻记录">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={w.assignments}
          locale={{ emptyText: '尚未派驻' }}
          columns={[
            {
              title: '社工站',
              key: 'station',
              render: (_: unknown, a: AssignmentView) => stationLabel(a.stationName, a.countyCode),
            },
            { title: '开始', dataIndex: 'startOn' },
            { title: '结束', dataIndex: 'endOn', render: (d: string | null) => d ?? '在岗' },
          ]}
        />
      </Card>
      <Modal
        title={
          {
            assign: '派驻社工站',
            return: '退回备案',
            unmask: '查看身份证号和电话明文',
            account: '开通登录账号（驻站社工）',
          }[dialog ?? 'assign']
        }
        open={!!dialog}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        onOk={() => form.submit()}
        okText="确定"
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'assign' && (
            <>
              <Form.Item label="社工站" name="stationId" rules={[{ required: true, message: '请选择' }]}>
                <Select
                  options={(stations.data?.items ?? []).map((s) => ({
                    value: s.id,
                    label: stationLabel(s.name, s.countyCode),
                  }))}
                />
              </Form.Item>
              <Form.Item label="开始日期" name="startOn" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {dialog === 'return' && (
            <Form.Item label="退回意见" name="comment" rules={[{ required: true, message: '请填写' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {dialog === 'account' && (
            <>
              <Form.Item
                label="用户名"
                name="username"
                rules={[{ required: true, message: '请输入用户名' }]}
                extra="账号只能看到该社工当日派驻的社工站"
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                label="初始密码"
                name="password"
                rules={[{ required: true, message: '请输入初始密码' }]}
                extra="至少 10 个字符，含字母和数字；首次登录须修改"
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          {dialog === 'unmask' && (
            <Form.Item
              label="查看原因（记入审计日志）"
              name="reason"
              rules={[{ required: true, message: '请填写原因' }]}
            >
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
