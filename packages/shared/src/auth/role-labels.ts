import type { Role } from './roles';

/** Chinese names of the roles. No zod here: the web shell shows them on every page (see `"sideEffects": false`). */
export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市级管理员',
  city_officer: '市民政局工作人员',
  county_admin: '县（区）管理员',
  county_officer: '县（区）民政局工作人员',
  township_liaison: '乡镇（街道）联络员',
  org_admin: '承接机构管理员',
  project_lead: '项目主管',
  social_worker: '驻站社工',
  evaluator: '第三方评估人员',
};
