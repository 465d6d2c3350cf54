import { Tag } from 'antd';
import {
  PLAN_STATUS_LABELS,
  PROCUREMENT_STATUS_LABELS,
  type ProcurementStatus,
  type PurchasePlanStatus,
} from '@shegong/shared';

const PLAN_COLORS: Record<PurchasePlanStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  filed: 'success',
  returned: 'warning',
};
const PROC_COLORS: Record<ProcurementStatus, string> = {
  published: 'processing',
  awarded: 'success',
  cancelled: 'default',
};

export const PlanStatusTag = ({ status }: { status: PurchasePlanStatus }) => (
  <Tag color={PLAN_COLORS[status]}>{PLAN_STATUS_LABELS[status]}</Tag>
);
export const ProcurementStatusTag = ({ status }: { status: ProcurementStatus }) => (
  <Tag color={PROC_COLORS[status]}>{PROCUREMENT_STATUS_LABELS[status]}</Tag>
);
