// A rule's result on a record (合规提示): rule id, how serious, what is wrong, what to do.
export type FindingSeverity = 'error' | 'warning' | 'info';
export interface Finding {
  ruleId: string;
  severity: FindingSeverity;
  message: string;
  action: string;
}
export const SEVERITY_LABELS: Record<FindingSeverity, string> = { error: '不合规', warning: '待完善', info: '提示' };
