import { lazy, Suspense } from 'react';
import { Link, useParams, useNavigate } from 'react-router';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Image,
  Space,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { AUDIT_ACTION_LABELS, INSTITUTION_ITEMS, SITE_ITEMS, type StationView } from '@shegong/shared';
import { FindingsAlert } from '../../components/findings-alert';
import { PageHeader } from '../../components/page-header';
import { StationStatusTag } from '../../components/status-tag';
import { ApiError } from '../../lib/api';
import { fmtArea, fmtDate, fmtDateTime } from '../../lib/format';
import { useAuth } from '../../app/auth';
import { ServiceRoomsTab } from './service-rooms-tab';

const StatisticsPanel = lazy(() =>
  import('../statistics/statistics-panel').then((m) => ({ default: m.StatisticsPanel })),
);
import { signageUrl, useStation, useStationHistory, useUploadSignage } from './stations.api';

function Checklist({ items, values }: { items: Record<string, string>; values: Record<string, boolean | undefined> }) {
  return (
    <Space orientation="vertical">
      {Object.entries(items).map(([k, label]) => (
        <span key={k}>
          {values[k] ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}{' '}
          {label}
          {!values[k] && <Typography.Text type="secondary">（未具备）</Typography.Text>}
        </span>
      ))}
    </Space>
  );
}

export function StationDetailPage() {
  const { stationId = '' } = useParams();
  const { data: s, error } = useStation(stationId);
  if (error) return <Empty description={(error as Error).message} />;
  if (!s) return <Spin />;
  return <StationDetail s={s} />;
}

function StationDetail({ s }: { s: StationView }) {
  const nav = useNavigate();
  const { message } = App.useApp();
  const history = useStationHistory(s.id);
  const uploadSignage = useUploadSignage(s.id);
  const { can } = useAuth();

  async function upload(file: File) {
    try {
      await uploadSignage.mutateAsync(file);
      message.success('标牌照片已上传');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    }
  }

  return (
    <>
      <PageHeader
        title={s.name}
        tags={<StationStatusTag status={s.status} />}
        crumbs={[{ title: '社工站', to: '/stations' }, { title: s.name }]}
        extra={
          s.abilities.update && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => nav(`/stations/${s.id}/edit`)}>
              编辑
            </Button>
          )
        }
      />
      <FindingsAlert findings={s.findings} />
      <Card>
        <Tabs
          items={[
            {
              key: 'basic',
              label: '基本信息',
              children: (
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
                  <Descriptions.Item label="县（区）">{s.countyName}</Descriptions.Item>
                  <Descriptions.Item label="乡镇（街道）">{s.townshipName}</Descriptions.Item>
                  <Descriptions.Item label="批次（年度）">{s.batchYear}年</Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <StationStatusTag status={s.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label="开工日期">{fmtDate(s.buildingStartedOn)}</Descriptions.Item>
                  <Descriptions.Item label="运营日期">{fmtDate(s.openedOn)}</Descriptions.Item>
                  <Descriptions.Item label="暂停日期">{fmtDate(s.suspendedOn)}</Descriptions.Item>
                  <Descriptions.Item label="地址">{s.address || '—'}</Descriptions.Item>
                  <Descriptions.Item label="联系电话">{s.phone || '—'}</Descriptions.Item>
                  <Descriptions.Item label="开放时间">{s.openingHours || '—'}</Descriptions.Item>
                  <Descriptions.Item label="坐标">
                    {s.longitude != null && s.latitude != null ? `${s.longitude}, ${s.latitude}` : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label="承接主体（当前合同）">
                    {s.contract ? (
                      <Link to={`/contracts/${s.contract.contractId}`}>
                        {s.contract.contractorName}
                        {s.contract.yearNo ? `（第 ${s.contract.yearNo} 年协议）` : ''}，至 {s.contract.endsOn}
                      </Link>
                    ) : (
                      <Tag color="warning">无有效合同</Tag>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label="驻站社工（今日在岗）">
                    {s.residentWorkers == null ? (
                      '—'
                    ) : (
                      <Link to={`/workers?stationId=${s.id}`}>{s.residentWorkers} 名</Link>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label="备注">
                    {s.notes ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</Typography.Text> : '—'}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'site',
              label: '场地设施',
              children: (
                <Space orientation="vertical" size="middle">
                  <Space size="large" wrap>
                    <span>办公用房面积：{fmtArea(s.officeAreaM2)}</span>
                    <span>活动用房面积：{fmtArea(s.activityAreaM2)}</span>
                  </Space>
                  <Checklist items={SITE_ITEMS} values={s.site} />
                </Space>
              ),
            },
            {
              key: 'inst',
              label: '制度建设',
              children: <Checklist items={INSTITUTION_ITEMS} values={s.institutions} />,
            },
            {
              key: 'sign',
              label: '标牌照片',
              children: (
                <Space orientation="vertical">
                  {s.signagePhotoId ? (
                    <Image width={320} src={signageUrl(s.id, s.signagePhotoId)} alt="标牌照片" />
                  ) : (
                    <Tag color="warning">尚未上传标牌照片</Tag>
                  )}
                  {s.abilities.uploadSignage && (
                    <Upload
                      accept="image/jpeg,image/png,image/webp"
                      showUploadList={false}
                      beforeUpload={(f) => {
                        void upload(f);
                        return false;
                      }}
                    >
                      <Button icon={<UploadOutlined />}>{s.signagePhotoId ? '更换标牌照片' : '上传标牌照片'}</Button>
                    </Upload>
                  )}
                  <Typography.Text type="secondary">JPEG、PNG 或 WebP 图片，不超过 5 MB</Typography.Text>
                </Space>
              ),
            },
            { key: 'rooms', label: '村（社区）服务室', children: <ServiceRoomsTab station={s} /> },
            // 服务统计 (R-SVC-2…5): this station's figures, current to the last record saved.
            ...(can('services:read')
              ? [
                  {
                    key: 'stats',
                    label: '服务统计',
                    children: (
                      <Suspense fallback={<Spin />}>
                        <StatisticsPanel scope={s.id} />
                      </Suspense>
                    ),
                  },
                ]
              : []),
            {
              key: 'history',
              label: '变更历史',
              children: (
                <Timeline
                  items={(history.data?.items ?? []).map((e) => ({
                    content: (
                      <div>
                        <Typography.Text strong>{AUDIT_ACTION_LABELS[e.action]}</Typography.Text> {e.summary}
                        <div>
                          <Typography.Text type="secondary">
                            {fmtDateTime(e.at)} · {e.username}
                          </Typography.Text>
                        </div>
                      </div>
                    ),
                  }))}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
