// Checklist items of R-ST-2 (site and equipment) and R-ST-4 (institutions), in the plan's order.
export const SITE_ITEMS = {
  activityRoom: '活动用房',
  desksChairs: '办公桌椅（沙发）',
  fileCabinet: '资料（档案）柜',
  computer: '电脑',
  printerScanner: '打印机（扫描仪）',
  telephone: '电话',
  fax: '传真机',
  caseRoom: '个案咨询室',
  groupRoom: '社工小组活动室',
} as const;
export type SiteItem = keyof typeof SITE_ITEMS;
/** Equipment the plan requires of every station (四(三)). */
export const REQUIRED_EQUIPMENT: SiteItem[] = [
  'desksChairs',
  'fileCabinet',
  'computer',
  'printerScanner',
  'telephone',
  'fax',
];
/** Rooms set up "by need" (一室多用 allowed), so their absence is a reminder, not a breach. */
export const ROOMS_BY_NEED: SiteItem[] = ['caseRoom', 'groupRoom'];

export const INSTITUTION_ITEMS = {
  orgChart: '组织架构与内部责任分工',
  procedures: '运行流程和标准',
  personnelRules: '人员管理制度',
  financeRules: '财务管理制度',
  volunteerRules: '志愿者管理制度',
  venueRules: '服务场所使用管理制度',
  archiveRules: '文书档案管理制度',
  beneficiaryDbRules: '服务对象数据库管理制度',
  serviceCommitment: '服务承诺',
  satisfactionFeedback: '服务对象满意度反馈机制',
} as const;
export type InstitutionItem = keyof typeof INSTITUTION_ITEMS;
