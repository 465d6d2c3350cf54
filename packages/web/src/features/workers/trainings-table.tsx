import { Button, Empty, Flex, Table, Tag, Typography, type TablePaginationConfig } from 'antd';
import { ORGANISER_LEVEL_LABELS, QUALIFYING_ORGANISERS, type OrganiserLevel, type TrainingView } from '@shegong/shared';
import { AttachmentsList } from '../../components/attachments-list';
import { trainingFileUrl, trainingUploadUrl } from './trainings.api';

export const counts = (l: OrganiserLevel) => QUALIFYING_ORGANISERS.includes(l);

const ATTENDEES_SHOWN = 3;
/** A few names, then the count; the full list is in the expanded row. */
const attendeesText = (t: TrainingView) =>
  t.attendees.length === 0
    ? '—'
    : t.attendees
        .slice(0, ATTENDEES_SHOWN)
        .map((a) => a.name)
        .join('、') + (t.attendees.length > ATTENDEES_SHOWN ? ` 等 ${t.attendees.length} 人` : '');

/** The organiser's kind, blue when its hours count toward qualification. */
const LevelTag = ({ t }: { t: TrainingView }) => (
  <Tag color={t.qualifying && t.organiserConfirmed ? 'blue' : 'default'}>
    {ORGANISER_LEVEL_LABELS[t.organiserLevel]}
  </Tag>
);

/**
 * Whether a session's hours count toward 社会工作专业资质 (R-STAFF-3): the organiser must be of a qualifying kind and,
 * for a contractor's own record, confirmed by a civil affairs officer.
 */
function ConfirmationState({ t }: { t: TrainingView }) {
  const effect = counts(t.organiserLevel)
    ? t.organiserConfirmed
      ? '计入资质学时'
      : '暂不计入资质学时'
    : '不计入资质学时';
  return (
    <Flex vertical gap={2} align="flex-start">
      {t.organiserConfirmed ? (
        <Tag color="success">{t.organiserConfirmedBy ? `已确认（${t.organiserConfirmedBy}）` : '已确认'}</Tag>
      ) : (
        <Tag color="warning">待县（区）民政局确认</Tag>
      )}
      <Typography.Text
        type={t.organiserConfirmed && counts(t.organiserLevel) ? undefined : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {effect}
      </Typography.Text>
    </Flex>
  );
}

/** The sessions, one column on a phone; a row expands to its attendees and files. */
export function TrainingsTable(p: {
  items: TrainingView[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  narrow: boolean;
  canWrite: boolean;
  onConfirm: (t: TrainingView) => void;
  onUploaded: () => void;
}) {
  const confirmButton = (t: TrainingView) =>
    t.abilities.confirm && (
      <Button size="small" type="primary" ghost onClick={() => p.onConfirm(t)}>
        确认主办单位
      </Button>
    );
  return (
    <Table
      rowKey="id"
      loading={p.loading}
      dataSource={p.items}
      pagination={p.pagination}
      scroll={p.narrow ? undefined : { x: 'max-content' }}
      locale={{
        emptyText: <Empty description={p.canWrite ? '尚无培训记录，点击“登记培训”开始' : '尚无培训记录'} />,
      }}
      expandable={{
        expandedRowRender: (t) => (
          <>
            {t.attendees.length > ATTENDEES_SHOWN && (
              <Typography.Paragraph>
                参训人员（{t.attendees.length} 人）：{t.attendees.map((a) => a.name).join('、')}
              </Typography.Paragraph>
            )}
            <AttachmentsList
              files={t.files}
              hrefOf={(f) => trainingFileUrl(t.id, f.fileId)}
              uploadUrl={p.canWrite ? trainingUploadUrl(t.id) : undefined}
              labels={['培训通知', '签到表', '课件', '其他']}
              onUploaded={p.onUploaded}
            />
          </>
        ),
      }}
      columns={
        p.narrow
          ? [
              // One column on a phone: everything about the session, and the action, without sideways scrolling.
              {
                title: '培训',
                key: 'all',
                render: (_: unknown, t: TrainingView) => (
                  <Flex vertical gap={4} align="flex-start" style={{ whiteSpace: 'normal' }}>
                    <Typography.Text strong>{t.title}</Typography.Text>
                    <span>
                      {t.organiser} <LevelTag t={t} />
                    </span>
                    <Typography.Text type="secondary">
                      {t.startOn} 至 {t.endOn}，{t.hours} 学时；参训：{attendeesText(t)}
                    </Typography.Text>
                    <ConfirmationState t={t} />
                    {confirmButton(t)}
                  </Flex>
                ),
              },
            ]
          : [
              { title: '培训', dataIndex: 'title' },
              {
                title: '主办单位',
                key: 'org',
                render: (_: unknown, t: TrainingView) => (
                  <Flex vertical gap={4} align="flex-start">
                    {t.organiser}
                    <LevelTag t={t} />
                  </Flex>
                ),
              },
              { title: '日期', key: 'd', render: (_: unknown, t: TrainingView) => `${t.startOn} 至 ${t.endOn}` },
              { title: '学时', dataIndex: 'hours' },
              { title: '参训人员', key: 'a', render: (_: unknown, t: TrainingView) => attendeesText(t) },
              {
                title: '主办单位确认',
                key: 'confirm',
                render: (_: unknown, t: TrainingView) => (
                  <Flex vertical gap={4} align="flex-start">
                    <ConfirmationState t={t} />
                    {confirmButton(t)}
                  </Flex>
                ),
              },
            ]
      }
    />
  );
}
