// Beneficiary categories of the plan (三, 附件2; R-SVC-1) and the words that go with them. zod-free, so pages that only
// show a label do not load zod.

export const BENEFICIARY_CATEGORIES = [
  'dibao',
  'tekun',
  'temporary_relief',
  'homeless',
  'orphan',
  'unsupported_child',
  'left_behind_child',
  'distressed_child',
  'left_behind_elder',
  'hardship_elder',
  'disabled',
  'left_behind_woman',
  'mental_disorder',
  'community_correction',
  'drug_rehab',
  'other',
] as const;
export type BeneficiaryCategory = (typeof BENEFICIARY_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<BeneficiaryCategory, string> = {
  dibao: '最低生活保障对象',
  tekun: '特困人员',
  temporary_relief: '临时救助对象',
  homeless: '生活无着流浪乞讨人员',
  orphan: '孤儿',
  unsupported_child: '事实无人抚养儿童',
  left_behind_child: '农村留守儿童',
  distressed_child: '困境儿童',
  left_behind_elder: '留守老人',
  hardship_elder: '特殊困难老人',
  disabled: '残疾人',
  left_behind_woman: '留守妇女',
  mental_disorder: '精神障碍患者',
  community_correction: '社区矫正对象',
  drug_rehab: '戒毒康复人员',
  other: '其他',
};
/** Short forms for tags and narrow columns. */
export const CATEGORY_SHORT: Record<BeneficiaryCategory, string> = {
  dibao: '低保',
  tekun: '特困',
  temporary_relief: '临时救助',
  homeless: '流浪乞讨',
  orphan: '孤儿',
  unsupported_child: '事实无人抚养',
  left_behind_child: '留守儿童',
  distressed_child: '困境儿童',
  left_behind_elder: '留守老人',
  hardship_elder: '特殊困难老人',
  disabled: '残疾人',
  left_behind_woman: '留守妇女',
  mental_disorder: '精神障碍',
  community_correction: '社区矫正',
  drug_rehab: '戒毒康复',
  other: '其他',
};

/**
 * Health categories: their existence and details are sensitive personal information (PIPL 28; DESIGN §4 "health and
 * mental-health notes"), shown only to the responsible worker, the project lead and the county officer (R-SCOPE-2).
 */
export const HEALTH_CATEGORIES: readonly BeneficiaryCategory[] = ['disabled', 'mental_disorder', 'drug_rehab'];
/** Children's categories: the person is a minor, so the record is sensitive and needs a guardian. */
export const CHILD_CATEGORIES: readonly BeneficiaryCategory[] = [
  'orphan',
  'unsupported_child',
  'left_behind_child',
  'distressed_child',
];
/** R-SVC-5: the groups whose risk is graded (特殊困难老人 and children). */
export const RISK_GRADED_CATEGORIES: readonly BeneficiaryCategory[] = ['hardship_elder', ...CHILD_CATEGORIES];

/** 特困人员 support form (分散/集中供养). */
export const TEKUN_FORMS = ['dispersed', 'centralised'] as const;
export type TekunForm = (typeof TEKUN_FORMS)[number];
export const TEKUN_FORM_LABELS: Record<TekunForm, string> = { dispersed: '分散供养', centralised: '集中供养' };

/** 残疾类别 and 等级 as on the 残疾人证 (GB/T 26341-2010). */
export const DISABILITY_KINDS = [
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];
export const DISABILITY_KIND_LABELS: Record<DisabilityKind, string> = {
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
};
export const DISABILITY_GRADES = ['1', '2', '3', '4'] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];
export const DISABILITY_GRADE_LABELS: Record<DisabilityGrade, string> = {
  '1': '一级',
  '2': '二级',
  '3': '三级',
  '4': '四级',
};

/** R-SVC-5 risk grading. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LABELS: Record<RiskLevel, string> = { high: '高风险', medium: '中风险', low: '低风险' };

/** Consent records (Primero-style): what the person agreed to, or refused or withdrew. */
export const CONSENT_KINDS = ['data_use', 'referral'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  data_use: '个人信息收集使用',
  referral: '转介至其他机构',
};
export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];
export const CONSENT_DECISION_LABELS: Record<ConsentDecision, string> = {
  given: '同意',
  refused: '不同意',
  withdrawn: '撤回同意',
};
/** Who gave the consent: the person, or the guardian for a minor or a person without capacity. */
export const CONSENT_BY = ['self', 'guardian'] as const;
export type ConsentBy = (typeof CONSENT_BY)[number];
export const CONSENT_BY_LABELS: Record<ConsentBy, string> = { self: '本人', guardian: '监护人' };

/** Why a person is registered without a citizen ID number. */
export const NO_ID_REASONS = ['homeless_unknown', 'never_registered', 'refused', 'lost', 'other'] as const;
export type NoIdReason = (typeof NO_ID_REASONS)[number];
export const NO_ID_REASON_LABELS: Record<NoIdReason, string> = {
  homeless_unknown: '流浪人员，身份不明',
  never_registered: '未办理户籍或身份证',
  refused: '本人拒绝提供',
  lost: '证件遗失，号码不详',
  other: '其他',
};

export const GENDER_LABELS: Record<'male' | 'female', string> = { male: '男', female: '女' };

/** The age below which a person is a minor (民法典 17) and needs a guardian on record. */
export const ADULT_AGE = 18;
