import { Tag } from 'antd';
import { REVIEW_STATUS_LABELS, SUPERVISOR_KIND_LABELS, type ReviewStatus, type SupervisorKind } from '@shegong/shared';

const STATUS_COLOURS: Record<ReviewStatus, string> = { open: 'warning', answered: 'processing', closed: 'success' };

/** 待回复 / 已回复 / 已关闭 as a tag (R-EVAL-4). */
export const ReviewStatusTag = ({ status }: { status: ReviewStatus }) => (
  <Tag color={STATUS_COLOURS[status]}>{REVIEW_STATUS_LABELS[status]}</Tag>
);

/** 内部督导 / 外部督导. */
export const SupervisorKindTag = ({ kind }: { kind: SupervisorKind }) => (
  <Tag color={kind === 'external' ? 'purple' : 'blue'}>{SUPERVISOR_KIND_LABELS[kind]}</Tag>
);

/** The years a filter offers: this one and the four before it. */
export const recentYears = (thisYear: number) => Array.from({ length: 5 }, (_, i) => thisYear - i);

/** Hours as people write them: 2.5 小时, 4 小时. */
export const fmtHours = (h: number) => `${Math.round(h * 10) / 10} 小时`;
