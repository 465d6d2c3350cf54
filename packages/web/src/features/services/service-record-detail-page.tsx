import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Empty, Flex, Image, Spin, Tag } from 'antd';
import { SERVICE_FORM_LABELS } from '@shegong/shared';
import { AttachmentsList } from '../../components/attachments-list';
import { PageHeader } from '../../components/page-header';
import { fmtDateTime } from '../../lib/format';
import { PHOTO_LABEL } from './outbox';
import { peopleText } from './people-text';
import { photoUrl, useServiceRecord } from './services.api';

const isImage = (name: string) => /\.(jpe?g|png|webp|gif|heic)$/i.test(name);

/**
 * One service record (R-SVC-2): who was served (masked per the server), the 附件2 item and form, the words, photos, the
 * case it belongs to and whether it raised an alert. An officer sees what the server shows them, nothing more.
 */
export function ServiceRecordDetailPage() {
  const { recordId = '' } = useParams();
  const { data: r, isLoading, refetch } = useServiceRecord(recordId);
  if (isLoading) return <Spin style={{ margin: 48 }} />;
  if (!r) return <Empty description="未找到该服务记录" />;
  const files = r.photos;
  const photos = files.filter((f) => isImage(f.name));
  const title = `${r.servedOn} ${SERVICE_FORM_LABELS[r.form]}`;
  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader
        title={title}
        crumbs={[{ title: '服务记录', to: '/services' }, { title }]}
        tags={
          <>
            {r.alertRaised && <Tag color="red">已预警</Tag>}
            {r.archivedAt && <Tag>已撤回</Tag>}
          </>
        }
      />
      {r.alertRaised && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="此记录发现疑似虐待、家暴、遗弃或其他危机，已通知项目主管和县级民政部门"
          description={
            r.alertIds.length > 0 && (
              <Flex gap={8} wrap>
                {r.alertIds.map((id, i) => (
                  <Link key={id} to={`/alerts/${id}`}>
                    查看预警{r.alertIds.length > 1 ? ` ${i + 1}` : ''}
                  </Link>
                ))}
              </Flex>
            )
          }
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="服务日期">{r.servedOn}</Descriptions.Item>
          <Descriptions.Item label="时长">{r.durationMinutes} 分钟</Descriptions.Item>
          <Descriptions.Item label="服务形式">{SERVICE_FORM_LABELS[r.form]}</Descriptions.Item>
          <Descriptions.Item label="服务内容">
            {r.domainName} · {r.itemName}
          </Descriptions.Item>
          <Descriptions.Item label="服务对象">{peopleText(r)}</Descriptions.Item>
          <Descriptions.Item label="社工">{r.workers.map((w) => w.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="社工站">{r.stationName}</Descriptions.Item>
          <Descriptions.Item label="承接机构">{r.organisationName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="地点">{r.place || '—'}</Descriptions.Item>
          <Descriptions.Item label="个案">
            {r.caseId ? <Link to={`/cases/${r.caseId}`}>查看个案</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="记录人">{r.createdByName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="记录时间">{fmtDateTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="服务内容记录" span={2}>
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.summaryWithheld ? '（涉及敏感信息，仅负责社工、项目主管和县级民政部门可见）' : r.summary}
            </div>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="照片与附件">
        {photos.length > 0 && (
          <Image.PreviewGroup>
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              {photos.map((f) => (
                <Image
                  key={f.id}
                  src={photoUrl(r.id, f)}
                  alt={f.name}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
        <AttachmentsList
          files={files}
          hrefOf={(f) => photoUrl(r.id, f)}
          uploadUrl={r.abilities.attach ? `/api/v1/service-records/${r.id}/files` : undefined}
          labels={[PHOTO_LABEL, '其他材料']}
          onUploaded={() => void refetch()}
        />
      </Card>
    </div>
  );
}
