// Reports up the hierarchy (R-REP-1…4): who owes which report to whom, and the words for them.

/**
 * The kinds of report (R-REP-1 五（四）, R-REP-2 二（一）（二）): the contractor's station briefs and agreement-year
 * reports to the county and the city; the county's quarterly report to the city; the city's half-year report to the
 * province.
 */
export const REPORT_KINDS = [
  'station_monthly',
  'station_quarterly',
  'agreement_midterm',
  'agreement_final',
  'county_quarterly',
  'city_half_year',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  station_monthly: '月工作简报',
  station_quarterly: '季度工作简报',
  agreement_midterm: '中期工作报告',
  agreement_final: '末期工作报告',
  county_quarterly: '县（区）季度项目实施情况报告',
  city_half_year: '市级半年项目实施情况报告',
};

/** Who writes a kind and who receives it (the level that accepts or returns it). */
export type ReportLevel = 'contractor' | 'county' | 'city' | 'province';
export const REPORT_AUTHOR: Record<ReportKind, ReportLevel> = {
  station_monthly: 'contractor',
  station_quarterly: 'contractor',
  agreement_midterm: 'contractor',
  agreement_final: 'contractor',
  county_quarterly: 'county',
  city_half_year: 'city',
};
/** The city's report goes to the province, which is not a user of the platform: submitting it is final. */
export const REPORT_RECEIVER: Record<ReportKind, ReportLevel> = {
  station_monthly: 'county',
  station_quarterly: 'county',
  agreement_midterm: 'county',
  agreement_final: 'county',
  county_quarterly: 'city',
  city_half_year: 'province',
};

/** The plan's clause each kind comes from (shown to users instead of requirement ids). */
export const REPORT_KIND_CLAUSES: Record<ReportKind, string> = {
  station_monthly: '五（四）',
  station_quarterly: '五（四）',
  agreement_midterm: '五（四）',
  agreement_final: '五（四）',
  county_quarterly: '二（二）',
  city_half_year: '二（一）',
};

/** draft → submitted → accepted, or returned → (edited) → submitted again; a reopened report is a draft again. */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已接收',
};

/** The sections people write; the figures are computed (R-REP-3). */
export const REPORT_SECTIONS = ['work_done', 'highlights', 'problems', 'next_steps', 'experience'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  work_done: '工作开展情况',
  highlights: '亮点与成效',
  problems: '存在问题',
  next_steps: '下一步工作打算',
  experience: '经验总结',
};
/** The longest a narrative section may be, in characters (a brief is a few pages, not a book). */
export const REPORT_SECTION_MAX = 20_000;
