import { useEffect, useState } from 'react';
import { App, Button, Input, Modal, Typography } from 'antd';
import { circularPeriod } from '@shegong/shared';
import type { CircularRow } from './circular-words';
import { useCommend } from './circulars.api';

/**
 * The city marks a unit for commendation in a period, with a note (《实施方案》二（一）: "对服务成效好、业绩突出的县（区）
 * 进行表彰"), or takes the mark off. The server keeps who did it in the audit log.
 */
export function CommendDialog({
  row,
  period,
  onClose,
}: {
  row: CircularRow | null;
  period: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const commend = useCommend();
  const [note, setNote] = useState('');
  useEffect(() => setNote(row?.commendationNote ?? ''), [row]);
  if (!row) return null;
  const label = circularPeriod(period).label;
  const save = (commended: boolean) =>
    commend.mutate(
      { period, unit: row.code, commended, note: commended ? note : '' },
      {
        onSuccess: () => {
          void message.success(commended ? `已标记${row.name}为拟表彰单位` : `已取消${row.name}的表彰标记`);
          onClose();
        },
        onError: (e) => void message.error((e as Error).message),
      },
    );
  return (
    <Modal
      open
      title={`${row.name}：${label}表彰`}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        row.commended && (
          <Button key="off" danger loading={commend.isPending} onClick={() => save(false)}>
            取消表彰
          </Button>
        ),
        <Button key="on" type="primary" loading={commend.isPending} onClick={() => save(true)}>
          {row.commended ? '保存说明' : '标记表彰'}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        表彰对象为县（区），不对个人排名。说明会写入通报和导出的表格。
      </Typography.Paragraph>
      <label htmlFor="commend-note">表彰说明</label>
      <Input.TextArea
        id="commend-note"
        rows={3}
        maxLength={500}
        showCount
        value={note}
        placeholder="例如：报告按时报送，走访完成率全市第一"
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
