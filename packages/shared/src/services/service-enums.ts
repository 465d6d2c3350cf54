// Services (R-SVC-2…5): work forms, case stages, alerts and referrals, with their words. zod-free, so pages that only
// show a label do not load zod.

/** Work forms of R-SVC-3 (the plan's 三): every service record is one of these. */
export const SERVICE_FORMS = [
  'case_work',
  'group_work',
  'community_activity',
  'home_visit',
  'phone_followup',
  'policy_outreach',
  'resource_linking',
  'crisis_intervention',
] as const;
export type ServiceForm = (typeof SERVICE_FORMS)[number];
export const SERVICE_FORM_LABELS: Record<ServiceForm, string> = {
  case_work: '个案',
  group_work: '小组',
  community_activity: '社区活动',
  home_visit: '走访入户',
  phone_followup: '电话回访',
  policy_outreach: '政策宣传',
  resource_linking: '资源链接',
  crisis_intervention: '危机介入',
};
/** Forms that count as a visit for the visit schedule (R-SVC-5). */
export const VISIT_FORMS: readonly ServiceForm[] = ['home_visit'];

/** Concerns a record or a person may be flagged with; each raises an alert at once (R-SVC-5, 附件2 (三)1, (二)5). */
export const ALERT_KINDS = ['abuse', 'domestic_violence', 'abandonment', 'other_crisis'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  abuse: '疑似虐待',
  domestic_violence: '家庭暴力',
  abandonment: '遗弃',
  other_crisis: '其他危机',
};
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  open: '待响应',
  acknowledged: '处置中',
  closed: '已关闭',
};

/** Case work (个案, R-SVC-3, MZ/T 094): where a case came from. */
export const CASE_SOURCES = ['self', 'referral', 'visit', 'hotline', 'village_committee'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  self: '主动求助',
  referral: '转介',
  visit: '走访发现',
  hotline: '热线',
  village_committee: '村（居）委会',
};
/** Case stages: 接案 → 预估 → 计划（待审核）→ 介入 → 结案（待审核）→ 已结案. */
export const CASE_STATUSES = [
  'intake',
  'assessment',
  'plan_submitted',
  'intervention',
  'closure_submitted',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  intake: '接案',
  assessment: '预估',
  plan_submitted: '计划待审核',
  intervention: '介入',
  closure_submitted: '结案待审核',
  closed: '已结案',
};
export const CLOSURE_REASONS = [
  'goals_met',
  'client_wish',
  'referred',
  'lost_contact',
  'moved',
  'died',
  'ineligible',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  goals_met: '目标达成',
  client_wish: '服务对象意愿',
  referred: '已转介',
  lost_contact: '失去联系',
  moved: '迁出',
  died: '死亡',
  ineligible: '不再符合条件',
};

/** Referrals and resource linking (附件2 (一)3): the policies and agencies a person is linked to. */
export const REFERRAL_TARGETS = [
  'dibao',
  'tekun_support',
  'disability_subsidies',
  'medical_aid',
  'education_aid',
  'public_housing',
  'housing_repair',
  'employment_aid',
  'temporary_aid',
  'legal_aid',
  'charity',
  'other',
] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_TARGET_LABELS: Record<ReferralTarget, string> = {
  dibao: '低保金',
  tekun_support: '特困人员供养',
  disability_subsidies: '残疾人两项补贴',
  medical_aid: '城乡医疗救助',
  education_aid: '教育救助',
  public_housing: '公共租赁住房',
  housing_repair: '危房改造',
  employment_aid: '就业救助',
  temporary_aid: '临时救助',
  legal_aid: '法律援助',
  charity: '慈善资源',
  other: '其他',
};
export const REFERRAL_STATUSES = ['submitted', 'accepted', 'obtained', 'not_obtained'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  obtained: '已获得',
  not_obtained: '未获得',
};

/** Default visit intervals by risk (R-SVC-5), in days; the city may change them. */
export const DEFAULT_VISIT_INTERVAL_DAYS = { high: 30, medium: 90, low: 180 } as const;
