import { Tag } from 'antd';
import { INDICATOR_SET_STATUS_LABELS, type IndicatorSetStatus } from '@shegong/shared';

const COLORS: Record<IndicatorSetStatus, string> = { draft: 'processing', in_use: 'success', retired: 'default' };

/** 草稿 / 使用中 / 已停用 in the colours of UX.md. */
export function IndicatorSetStatusTag({ status }: { status: IndicatorSetStatus }) {
  return <Tag color={COLORS[status]}>{INDICATOR_SET_STATUS_LABELS[status]}</Tag>;
}

/** The set the platform ships (R-EVAL-2): the city adapts it before adopting it. */
export function ExampleTag({ example }: { example: boolean }) {
  return example ? <Tag color="orange">示例</Tag> : null;
}

export const versionText = (n: number) => `第 ${n} 版`;
