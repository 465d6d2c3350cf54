// Supervision and evaluation (R-EVAL-1…4, 五（三）（六）, 六（六）): the words of indicator sets, rounds and rectification.

/** 一级 → 二级 → 三级: how an indicator item is scored (DOMAIN-NOTES §6). */
export const SCORING_TYPES = ['combined', 'graded', 'deduction'] as const;
export type ScoringType = (typeof SCORING_TYPES)[number];
export const SCORING_TYPE_LABELS: Record<ScoringType, string> = {
  combined: '组合分',
  graded: '程度分',
  deduction: '扣分',
};
export const SCORING_TYPE_HINTS: Record<ScoringType, string> = {
  combined: '各要点得分相加，不超过本项分值',
  graded: '按达成程度给分（完全达成、基本达成、部分达成、未达成）',
  deduction: '从本项分值起，每发现一处问题扣分，扣完为止',
};

/** Who scores an item (六（六）: 政府部门、服务对象、专业机构协同配合). */
export const EVALUATOR_PARTIES = ['purchaser', 'third_party', 'self', 'beneficiary'] as const;
export type EvaluatorParty = (typeof EVALUATOR_PARTIES)[number];
export const EVALUATOR_PARTY_LABELS: Record<EvaluatorParty, string> = {
  purchaser: '购买方',
  third_party: '第三方',
  self: '自评',
  beneficiary: '服务对象',
};

/**
 * Figures the platform measures itself from the records entered once (no formalism, PEERS §6). An item bound to a
 * measure shows the figure and the records behind it, and suggests a score the evaluator may adjust with a reason.
 */
export const MEASURES = [
  'staffing',
  'qualification',
  'training_hours',
  'reports_on_time',
  'service_records',
  'visits',
  'alerts_handled',
  'referrals_obtained',
  'satisfaction',
  'supervision',
  'disclosure',
] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<Measure, string> = {
  staffing: '驻站社工配备（每站不少于 2 名）',
  qualification: '社工专业资格占比',
  training_hours: '驻站社工继续教育学时',
  reports_on_time: '报告按时提交率',
  service_records: '服务记录（按领域和服务方式）',
  visits: '走访完成率',
  alerts_handled: '预警及时确认和处置',
  referrals_obtained: '转介获得率',
  satisfaction: '服务对象满意度',
  supervision: '专业督导覆盖',
  disclosure: '协议公告与信息公开',
};
/** How the suggested score follows from the figure, shown beside it. */
export const MEASURE_RULES: Record<Measure, string> = {
  staffing: '建议得分 = 分值 × 配足 2 名驻站社工的运营站点占比',
  qualification: '建议得分 = 分值 × 具备社会工作专业资格的驻站社工占比',
  training_hours: '建议得分 = 分值 × 人均学时 ÷ 应达学时（每年 60 学时按期间折算），最高为分值',
  reports_on_time: '建议得分 = 分值 × 期间内应交报告中按时提交的占比',
  service_records: '平台列出期间内的服务记录，由评估人员对照年度服务计划评分',
  visits: '建议得分 = 分值 × 走访完成率',
  alerts_handled: '建议得分 = 分值 × 期间内预警在 24 小时内确认的占比（超时即上报市级）',
  referrals_obtained: '建议得分 = 分值 × 期间内转介已获得帮扶的占比',
  satisfaction: '建议得分 = 分值 × 满意率（站点评价和随机回访中总体评价为“满意”“非常满意”的占比）',
  supervision: '建议得分 = 分值 × 期间内参加过专业督导的驻站社工占比',
  disclosure: '年度协议已公告得满分，未公告不得分',
};

/**
 * The kinds of evaluation (五（三）): the county's two 集中评估 of each agreement year (中期 on its first six months,
 * 末期 on the whole year), the city's 抽查, and the contractor's 自评. 立项评估 (六（六）) comes with the third-party
 * evaluator.
 */
export const EVALUATION_KINDS = ['midterm', 'final', 'spot_check', 'self_assessment'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  midterm: '中期评估',
  final: '末期评估',
  spot_check: '抽查评估',
  self_assessment: '自评',
};
/** Who runs each kind: the purchasing county, the city, or the contractor itself. */
export const EVALUATION_KIND_LEVEL: Record<EvaluationKind, 'county' | 'city' | 'contractor'> = {
  midterm: 'county',
  final: 'county',
  spot_check: 'city',
  self_assessment: 'contractor',
};

/** scoring → signed off; a signed-off evaluation is final (its result may feed the renewal gate). */
export const EVALUATION_STATUSES = ['scoring', 'signed_off'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  scoring: '评分中',
  signed_off: '已签署',
};

/** How a spot-check sample was drawn: at random from a recorded seed, or chosen with a reason. */
export const SAMPLE_MODES = ['random', 'chosen'] as const;
export type SampleMode = (typeof SAMPLE_MODES)[number];

/** Indicator sets: a draft is edited; adopting freezes it (in use); a newer adopted version retires it. */
export const INDICATOR_SET_STATUSES = ['draft', 'in_use', 'retired'] as const;
export type IndicatorSetStatus = (typeof INDICATOR_SET_STATUSES)[number];
export const INDICATOR_SET_STATUS_LABELS: Record<IndicatorSetStatus, string> = {
  draft: '草稿',
  in_use: '使用中',
  retired: '已停用',
};

/**
 * How an agreement year's result combines its rounds (五（三）): the weighted mean of the county's 中期 and 末期 totals;
 * with `veto`, a city spot check graded below the pass line fails the year whatever the mean.
 */
export const SPOT_CHECK_RULES = ['veto', 'none'] as const;
export type SpotCheckRule = (typeof SPOT_CHECK_RULES)[number];
export const SPOT_CHECK_RULE_LABELS: Record<SpotCheckRule, string> = {
  veto: '抽查不合格的，年度评估不合格',
  none: '抽查结果仅作参考，不计入年度结果',
};

/** 整改 (R-EVAL-4): open → submitted (the contractor's correction) → verified by the county, or returned to open. */
export const RECTIFICATION_STATUSES = ['open', 'submitted', 'verified'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改',
  submitted: '待核实',
  verified: '已完成',
};

/** 督导 (R-EVAL-4, 六（六）): by the contractor's own supervisors or by external ones. */
export const SUPERVISOR_KINDS = ['internal', 'external'] as const;
export type SupervisorKind = (typeof SUPERVISOR_KINDS)[number];
export const SUPERVISOR_KIND_LABELS: Record<SupervisorKind, string> = { internal: '内部督导', external: '外部督导' };

/** What a supervisor reviews: a case file or a service record, sampled from a worker's work. */
export const REVIEW_TARGETS = ['case', 'service_record'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];
export const REVIEW_TARGET_LABELS: Record<ReviewTarget, string> = { case: '个案档案', service_record: '服务记录' };
/** A review comment stays open until the worker answers it and the supervisor closes it. */
export const REVIEW_STATUSES = ['open', 'answered', 'closed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  open: '待回复',
  answered: '已回复',
  closed: '已关闭',
};

/** 满意度 (R-EVAL-3, 四（四）): the station's public form, or a call-back to a person drawn at random. */
export const SATISFACTION_CHANNELS = ['public_form', 'call_back'] as const;
export type SatisfactionChannel = (typeof SATISFACTION_CHANNELS)[number];
export const SATISFACTION_CHANNEL_LABELS: Record<SatisfactionChannel, string> = {
  public_form: '站点满意度评价',
  call_back: '随机回访',
};
/** One drawn person's call-back: waiting, answered, or not reached / declined (kept, so the sample stays honest). */
export const CALL_BACK_STATUSES = ['pending', 'answered', 'unreachable', 'declined'] as const;
export type CallBackStatus = (typeof CALL_BACK_STATUSES)[number];
export const CALL_BACK_STATUS_LABELS: Record<CallBackStatus, string> = {
  pending: '待回访',
  answered: '已回访',
  unreachable: '无法联系',
  declined: '拒绝回访',
};

/** 投诉 (R-EVAL-3): where it came from, and open → answered → closed. */
export const COMPLAINT_SOURCES = ['public_form', 'phone', 'visit', 'letter'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, string> = {
  public_form: '扫码评价',
  phone: '电话',
  visit: '来访',
  letter: '来信',
};
export const COMPLAINT_STATUSES = ['open', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: '待处理',
  answered: '已答复',
  closed: '已办结',
};
