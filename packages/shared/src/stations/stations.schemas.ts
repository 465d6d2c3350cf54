import { z } from 'zod';
import { isoDate, pageQuery } from '../common';
import { divisionCodeSchema } from '../divisions/divisions.schemas';
import { INSTITUTION_ITEMS, SITE_ITEMS, type InstitutionItem, type SiteItem } from './station-checklists';
import { findingSchema } from '../policy/finding';

export const STATION_STATUSES = ['planned', 'building', 'operating', 'suspended'] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];
// The labels live in a zod-free module so that pages which only show a status do not load zod.
export { STATION_STATUS_LABELS } from './station-labels';
/** 建成 = operating or suspended (GLOSSARY). */
export const BUILT_STATUSES: StationStatus[] = ['operating', 'suspended'];
export const PLAN_YEARS = [2021, 2022, 2023] as const;

const boolMap = <K extends string>(keys: readonly K[]) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, z.boolean().optional()])) as Record<K, z.ZodOptional<z.ZodBoolean>>,
  );

export const siteChecklistSchema = boolMap(Object.keys(SITE_ITEMS) as SiteItem[]);
export const institutionChecklistSchema = boolMap(Object.keys(INSTITUTION_ITEMS) as InstitutionItem[]);
export type SiteChecklist = Partial<Record<SiteItem, boolean>>;
export type InstitutionChecklist = Partial<Record<InstitutionItem, boolean>>;

const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '应为电话号码（数字、短横线，5–20 位）');
const area = z.number('应为数字').min(0, '不能为负数').max(100000, '数值过大').multipleOf(0.01, '最多两位小数');

const stationFields = {
  name: z.string().trim().min(2, '至少 2 个字符').max(60, '不能超过 60 个字符'),
  batchYear: z
    .number('应为年份')
    .int('应为整数年份')
    .min(2021, '批次年度不早于 2021 年')
    .max(2030, '批次年度不晚于 2030 年'),
  status: z.enum(STATION_STATUSES, '应为 规划、建设中、运营中 或 暂停'),
  address: z.string().trim().max(200, '不能超过 200 个字符'),
  phone: phoneSchema.or(z.literal('')),
  openingHours: z.string().trim().max(100, '不能超过 100 个字符'),
  longitude: z.number('应为数字').min(73, '经度应在 73–136 之间').max(136, '经度应在 73–136 之间').nullable(),
  latitude: z.number('应为数字').min(3, '纬度应在 3–54 之间').max(54, '纬度应在 3–54 之间').nullable(),
  officeAreaM2: area.nullable(),
  activityAreaM2: area.nullable(),
  buildingStartedOn: isoDate.nullable(),
  openedOn: isoDate.nullable(),
  suspendedOn: isoDate.nullable(),
  site: siteChecklistSchema,
  institutions: institutionChecklistSchema,
  notes: z.string().max(2000, '不能超过 2000 个字符'),
};

// R-ST-1: every station is created for one township; its name defaults to the required format.
export const createStationSchema = z
  .strictObject(stationFields)
  .partial()
  .extend({ townshipCode: divisionCodeSchema, batchYear: stationFields.batchYear, status: stationFields.status });
export type CreateStationInput = z.infer<typeof createStationSchema>;

export const updateStationSchema = z
  .strictObject(stationFields)
  .partial()
  .extend({ version: z.number('应为整数').int().min(1) });
export type UpdateStationInput = z.infer<typeof updateStationSchema>;

export const stationQuerySchema = z.strictObject({
  county: divisionCodeSchema.optional(),
  status: z.enum(STATION_STATUSES).optional(),
  batchYear: z.coerce.number().int().min(2021).max(2030).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});
export type StationQuery = z.infer<typeof stationQuerySchema>;

/** The live contract covering a station (R-CON-1…3), as the contracts module reports it. */
export const stationContractSchema = z.object({
  contractId: z.string(),
  contractorName: z.string(),
  yearNo: z.number().int().nullable(),
  endsOn: z.string(),
  /** True when a failed evaluation ends the contract early (R-CON-2). */
  ending: z.boolean(),
});
export type StationContract = z.infer<typeof stationContractSchema>;

export const stationViewSchema = z.object({
  id: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  townshipKind: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  name: z.string(),
  batchYear: z.number().int(),
  status: z.enum(STATION_STATUSES),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  officeAreaM2: z.number().nullable(),
  activityAreaM2: z.number().nullable(),
  buildingStartedOn: z.string().nullable(),
  openedOn: z.string().nullable(),
  suspendedOn: z.string().nullable(),
  site: z.object(siteChecklistSchema.shape),
  institutions: z.object(institutionChecklistSchema.shape),
  notes: z.string(),
  signagePhotoId: z.string().nullable(),
  findings: z.array(findingSchema),
  /** The live contract covering the station (R-CON-1…3), if any. */
  contract: stationContractSchema.nullable(),
  /** Resident workers assigned today (R-STAFF-1). */
  residentWorkers: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), uploadSignage: z.boolean() }),
});
export type StationView = z.infer<typeof stationViewSchema>;

/** What the public directory shows: no personal data, operating stations only. */
export const publicStationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  countyName: z.string(),
  townshipName: z.string(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
});
export type PublicStationView = z.infer<typeof publicStationViewSchema>;
