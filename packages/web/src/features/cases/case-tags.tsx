import { Tag } from 'antd';
import { CASE_STATUS_LABELS, type CaseStatus } from '@shegong/shared';

const COLORS: Record<CaseStatus, string> = {
  intake: 'default',
  assessment: 'default',
  plan_submitted: 'gold',
  intervention: 'processing',
  closure_submitted: 'gold',
  closed: 'success',
};

/** A case's stage; the two waiting for the project lead stand out. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={COLORS[status]}>{CASE_STATUS_LABELS[status]}</Tag>;
}
