import { z } from 'zod';

export const EDUCATION_LEVELS = ['high_school_or_below', 'secondary_vocational', 'junior_college', 'bachelor', 'master', 'doctor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  high_school_or_below: '高中及以下',
  secondary_vocational: '中专',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};
export const CERTIFICATE_LEVELS = ['assistant', 'intermediate', 'senior'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];
export const CERTIFICATE_LABELS: Record<CertificateLevel, string> = { assistant: '助理社会工作师', intermediate: '社会工作师', senior: '高级社会工作师' };
export const WORKER_ROLES = ['project_lead', 'resident'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];
export const WORKER_ROLE_LABELS: Record<WorkerRole, string> = { project_lead: '项目主管', resident: '驻站社工' };

/** Organisers whose training counts toward the 60-hour qualification (R-STAFF-3). */
export const ORGANISER_LEVELS = ['county_civil_affairs', 'city_civil_affairs', 'province_civil_affairs', 'incubation_base', 'industry_association', 'other'] as const;
export type OrganiserLevel = (typeof ORGANISER_LEVELS)[number];
export const ORGANISER_LEVEL_LABELS: Record<OrganiserLevel, string> = {
  county_civil_affairs: '县级民政部门',
  city_civil_affairs: '市级民政部门',
  province_civil_affairs: '省级及以上民政部门',
  incubation_base: '社会组织（社会工作）孵化基地',
  industry_association: '社会工作行业组织',
  other: '其他（不计入资质学时）',
};
export const QUALIFYING_ORGANISERS: readonly OrganiserLevel[] = ['county_civil_affairs', 'city_civil_affairs', 'province_civil_affairs', 'incubation_base', 'industry_association'];

export const QUALIFICATION_HOURS = 60;
export const CONTINUING_EDUCATION_HOURS = 60;
export const MAX_HIRING_AGE = 45;
export const RESIDENT_QUALIFY_YEARS = 2;
export const AT_RISK_DAYS = 90;

export const isoDate = z.iso.date('应为 YYYY-MM-DD 格式的日期');
