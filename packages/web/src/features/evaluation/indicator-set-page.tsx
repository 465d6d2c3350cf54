import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Spin } from 'antd';
import type { IndicatorSetView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { fmtDate } from '../../lib/format';
import { useCreateIndicatorSet, useIndicatorSet, useUpdateIndicatorSet } from './indicator-sets.api';
import { IndicatorSetForm } from './indicator-set-form';
import { IndicatorSetRules } from './indicator-set-rules';
import { ExampleTag, IndicatorSetStatusTag, versionText } from './indicator-set-tags';
import { IndicatorSetTree } from './indicator-set-tree';

/** One version of an indicator set (R-EVAL-2): its tree, bands, pass line and rule; the city edits a draft and adopts it. */
export function IndicatorSetPage() {
  const { setId = '' } = useParams();
  const { data, error } = useIndicatorSet(setId);
  if (error) return <Empty description={(error as Error).message} />;
  if (!data) return <Spin />;
  return <IndicatorSet key={data.id} s={data} />;
}

/** Why a set cannot be edited, in the user's words (《实施方案》六（六）). */
function frozenNote(s: IndicatorSetView, city: boolean): string | null {
  const change = city ? '；如需调整，请新建版本（《实施方案》六（六））' : '，评估按本版本评分';
  if (s.status === 'in_use') return `本版本已启用并冻结，不能修改${change}`;
  if (s.status === 'retired') return '本版本已停用（同一体系已启用新版本），仅供查阅';
  if (s.roundCount > 0) return `已有 ${s.roundCount} 次评估使用本版本，本版本已冻结${city ? change : ''}`;
  return null;
}

function IndicatorSet({ s }: { s: IndicatorSetView }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const update = useUpdateIndicatorSet(s.id);
  const create = useCreateIndicatorSet();
  const a = s.abilities;
  const frozen = frozenNote(s, useAuth().can('evaluations:configure'));

  function adopt() {
    modal.confirm({
      title: `启用${versionText(s.versionNo)}`,
      content: `启用后本版本冻结，不能再修改；如需调整请新建版本。${
        s.isExample ? '本版本为平台示例，请确认已结合本地实际修改。' : ''
      }同一体系此前使用中的版本将停用。`,
      okText: '确定启用',
      cancelText: '取消',
      onOk: async () => {
        try {
          await update.mutateAsync({ adopt: true, version: s.version });
          message.success('已启用');
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  }
  async function newVersion() {
    try {
      const v = await create.mutateAsync({ basedOn: s.id });
      message.success(`已新建${versionText(v.versionNo)}（草稿），请修改后启用`);
      void navigate(`/indicator-sets/${v.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <>
      <PageHeader
        title={s.name}
        crumbs={[{ title: '评估指标体系', to: '/indicator-sets' }, { title: versionText(s.versionNo) }]}
        tags={
          <>
            <span>{versionText(s.versionNo)}</span>
            <IndicatorSetStatusTag status={s.status} />
            <ExampleTag example={s.isExample} />
          </>
        }
        extra={
          !editing && (
            <Space wrap>
              {a.edit && <Button onClick={() => setEditing(true)}>修改</Button>}
              {a.adopt && (
                <Button type="primary" loading={update.isPending} onClick={adopt}>
                  启用
                </Button>
              )}
              {a.newVersion && (
                <Button loading={create.isPending} onClick={newVersion}>
                  新建版本
                </Button>
              )}
            </Space>
          )
        }
      />
      {s.isExample && s.status === 'draft' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="这是平台提供的示例指标体系"
          description={s.note || '分值、等次和合格线均为建议值，请结合本地实际修改后启用。'}
        />
      )}
      {frozen && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={frozen} />}
      {editing ? (
        <IndicatorSetForm s={s} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
            >
              <Descriptions.Item label="总分">{s.totalPoints} 分</Descriptions.Item>
              <Descriptions.Item label="合格线">{s.passLine} 分</Descriptions.Item>
              <Descriptions.Item label="三级指标">{s.itemCount} 项</Descriptions.Item>
              <Descriptions.Item label="启用日期">{fmtDate(s.adoptedAt)}</Descriptions.Item>
              <Descriptions.Item label="使用本版本的评估">{s.roundCount} 次</Descriptions.Item>
              <Descriptions.Item label="最后修改">{fmtDate(s.updatedAt)}</Descriptions.Item>
            </Descriptions>
            {s.note && !(s.isExample && s.status === 'draft') && (
              <div style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{`说明：${s.note}`}</div>
            )}
          </Card>
          <Card title="等次、合格线与年度结果" style={{ marginBottom: 16 }}>
            <IndicatorSetRules s={s} />
          </Card>
          <Card title="指标" styles={{ body: { padding: 12 } }}>
            <IndicatorSetTree dimensions={s.dimensions} />
          </Card>
        </>
      )}
    </>
  );
}
