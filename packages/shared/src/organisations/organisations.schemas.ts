import { z } from 'zod';
import { attachmentViewSchema, isoDate, pageQuery } from '../common';
import { divisionCodeSchema } from '../divisions/divisions.schemas';
import { findingSchema } from '../policy/finding';

export const ORGANISATION_TYPES = [
  'social_work_agency',
  'volunteer_org',
  'community_org',
  'foundation',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  social_work_agency: '社会工作服务机构',
  volunteer_org: '志愿服务组织',
  community_org: '社区社会组织',
  foundation: '基金会',
  other: '其他',
};
export const GRADES = ['1A', '2A', '3A', '4A', '5A'] as const;
export type Grade = (typeof GRADES)[number];
export const gradeRank = (g: Grade | null | undefined) => (g ? Number(g[0]) : 0);

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

const organisationFields = {
  name: z.string().trim().min(2, '至少 2 个字符').max(100, '不能超过 100 个字符'),
  creditCode: z.string().trim().toUpperCase().length(18, '应为 18 位'),
  /** Required when the code fails its checksum (some early legal codes do). */
  creditCodeReason: text(200),
  type: z.enum(ORGANISATION_TYPES, '请选择组织类型'),
  registrationAuthority: text(100),
  registeredOn: isoDate.nullable(),
  legalRepresentative: text(50),
  contactName: text(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '应为电话号码')
    .or(z.literal('')),
  address: text(200),
  businessScope: text(1000),
  socialWorkInScope: z.boolean('应为是或否'),
  grade: z.enum(GRADES, '应为 1A–5A').nullable(),
  gradeValidUntil: isoDate.nullable(),
  local: z.boolean('应为是或否'),
  /** The unit (or the city) that registered this organisation in the platform; filters "by county". */
  divisionCode: divisionCodeSchema,
};

export const createOrganisationSchema = z.strictObject(organisationFields).partial().extend({
  name: organisationFields.name,
  creditCode: organisationFields.creditCode,
  type: organisationFields.type,
  socialWorkInScope: organisationFields.socialWorkInScope,
  local: organisationFields.local,
  divisionCode: organisationFields.divisionCode,
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
export const updateOrganisationSchema = z
  .strictObject(organisationFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

export const organisationQuerySchema = z.strictObject({
  county: divisionCodeSchema.optional(),
  type: z.enum(ORGANISATION_TYPES, '请选择组织类型').optional(),
  q: z.string().trim().max(50, '不能超过 50 个字符').optional(),
  /** `false`: out-of-town organisations only (an award picker offers them next to the county's own). */
  local: z.enum(['true', 'false'], '应为 true 或 false').optional(),
  ...pageQuery,
});
export type OrganisationQuery = z.infer<typeof organisationQuerySchema>;

export const organisationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  creditCodeValid: z.boolean(),
  creditCodeReason: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  registrationAuthority: z.string(),
  registeredOn: z.string().nullable(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  address: z.string(),
  businessScope: z.string(),
  socialWorkInScope: z.boolean(),
  grade: z.enum(GRADES).nullable(),
  gradeValidUntil: z.string().nullable(),
  local: z.boolean(),
  divisionCode: z.string(),
  divisionName: z.string(),
  findings: z.array(findingSchema),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), disclose: z.boolean() }),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

// R-ORG-2: what a contractor discloses to the public.
export const DISCLOSURE_KINDS = ['basic', 'qualification', 'financial_report', 'project_experience'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  basic: '基本情况',
  qualification: '专业资质',
  financial_report: '年度财务报告',
  project_experience: '社会服务项目经验',
};
export const createDisclosureSchema = z
  .strictObject({
    kind: z.enum(DISCLOSURE_KINDS, '请选择公开类别'),
    title: z.string().trim().min(2, '至少 2 个字符').max(100, '不能超过 100 个字符'),
    content: z.string().trim().max(5000, '不能超过 5000 个字符').default(''),
    year: z.number().int().min(2000, '年份不早于 2000').max(2100).nullable().default(null),
  })
  .refine((d) => d.kind !== 'financial_report' || d.year != null, {
    message: '年度财务报告须填写年度',
    path: ['year'],
  });
export type CreateDisclosureInput = z.infer<typeof createDisclosureSchema>;

export const disclosureViewSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  kind: z.enum(DISCLOSURE_KINDS),
  title: z.string(),
  content: z.string(),
  year: z.number().int().nullable(),
  files: z.array(attachmentViewSchema),
  publishedAt: z.string(),
});
export type DisclosureView = z.infer<typeof disclosureViewSchema>;

/** An organisation's page: the registration and what it has disclosed. */
export const organisationDetailSchema = organisationViewSchema.extend({ disclosures: z.array(disclosureViewSchema) });
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

/** R-ORG-2 on the public portal: registration facts anyone may read (no legal representative, no contact person). */
export const publicOrganisationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  typeLabel: z.string(),
  grade: z.enum(GRADES).nullable(),
  gradeValidUntil: z.string().nullable(),
  registrationAuthority: z.string(),
  local: z.boolean(),
  address: z.string(),
  disclosures: z.array(disclosureViewSchema),
});
export type PublicOrganisationView = z.infer<typeof publicOrganisationViewSchema>;

/** `?q=&page=&pageSize=` of the public organisations list. */
export const publicOrganisationQuerySchema = z.strictObject({
  q: z.string().trim().max(50, '不能超过 50 个字符').optional(),
  ...pageQuery,
});
export type PublicOrganisationQuery = z.infer<typeof publicOrganisationQuerySchema>;
