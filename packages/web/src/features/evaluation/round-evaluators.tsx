import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { EvaluationRoundView } from '@shegong/shared';
import { AttachmentsList } from '../../components/attachments-list';
import { api, request } from '../../lib/api';
import { roundKeys } from './rounds.api';

const base = '/api/v1/evaluation-rounds';

/**
 * 第三方评估 (R-EVAL-1, 六（六）): who scores the round besides the bureau. The bureau running it assigns third-party
 * evaluators while it is being scored; they then see the round's stations and records, score it, and never sign it.
 */
export function RoundEvaluators({ r }: { r: EvaluationRoundView }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(r.evaluatorUsers.map((u) => u.id));
  const candidates = useQuery({
    queryKey: [...roundKeys.all, 'evaluator-users'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`${base}/evaluator-users`),
    enabled: r.abilities.assign,
  });
  const save = useMutation({
    mutationFn: () =>
      request<EvaluationRoundView>('PUT', `${base}/${r.id}/evaluators`, { version: r.version, userIds: chosen }),
    onSuccess: (v) => {
      qc.setQueryData(roundKeys.one(r.id), v);
      void qc.invalidateQueries({ queryKey: roundKeys.all });
      void message.success('已指派第三方评估人员');
    },
    onError: (e: Error) => void message.error(e.message),
  });
  if (!r.abilities.assign && r.evaluatorUsers.length === 0) return null;
  return (
    <Card size="small" title="第三方评估人员" style={{ marginBottom: 16 }}>
      {r.abilities.assign ? (
        <Space wrap style={{ width: '100%' }}>
          <Select
            mode="multiple"
            aria-label="第三方评估人员"
            placeholder="选择第三方评估机构的评估人员"
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={chosen}
            onChange={setChosen}
            loading={candidates.isLoading}
            options={(candidates.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            notFoundContent="暂无第三方评估人员账号，请市级管理员在用户管理中开设"
          />
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            保存指派
          </Button>
        </Space>
      ) : (
        <Space wrap>
          {r.evaluatorUsers.map((u) => (
            <Tag key={u.id}>{u.name}</Tag>
          ))}
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        被指派的人员可查看本评估涉及的社工站、社工和服务记录（个人信息脱敏）并评分；签署由开展评估的民政部门负责。
      </Typography.Paragraph>
    </Card>
  );
}

/** The round's evaluation report (Word, 公文) and its scores (Excel), as the bureau files and prints them. */
export function RoundDownloads({ id }: { id: string }) {
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} href={`${base}/${id}/report.docx`}>
        评估报告
      </Button>
      <Button icon={<FileExcelOutlined />} href={`${base}/${id}/scores.xlsx`}>
        评分表
      </Button>
    </Space>
  );
}

/**
 * 佐证材料 (R-EVAL-1: scoring per indicator with evidence): files and photos the evaluators attach while scoring, each
 * labelled with the item it supports; read by whoever reads the round. Photos are optional evidence, never required.
 */
export function RoundEvidence({ r }: { r: EvaluationRoundView }) {
  const qc = useQueryClient();
  if (!r.abilities.score && r.files.length === 0) return null;
  return (
    <Card size="small" title="佐证材料" style={{ marginTop: 16 }}>
      <AttachmentsList
        files={r.files}
        hrefOf={(f) => `${base}/${r.id}/files/${f.fileId}`}
        uploadUrl={r.abilities.score ? `${base}/${r.id}/files` : undefined}
        labels={['综合', ...r.items.map((i) => `${i.key} ${i.name}`)]}
        onUploaded={() => void qc.invalidateQueries({ queryKey: roundKeys.one(r.id) })}
      />
    </Card>
  );
}
