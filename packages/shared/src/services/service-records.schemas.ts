import { z } from 'zod';
import { attachmentViewSchema, isoDate, itemsSchema, pagedSchema, pageQuery } from '../common';
import { ALERT_KINDS, SERVICE_FORMS } from './service-enums';
import {
  MAX_DURATION_MINUTES,
  MAX_HEAD_COUNT,
  MAX_PEOPLE_PER_RECORD,
  MAX_WORKERS_PER_RECORD,
} from '../policy/service-rules';

// The contract of service records (服务记录, R-SVC-2, R-SVC-3): inputs, queries and views. The phone makes the record's
// id, so sending the same record twice (offline queue) finds it instead of making a second one.

const shortText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

/** A 附件2 item code, `domain.item` (`2.3` = 二 养老服务 3 精神慰藉); whether it exists is the server's check (R-SVC-2). */
export const catalogueCodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9]\.\d{1,2}$/, '服务内容须为《实施方案》附件2所列项目');

/** A concern seen during the work (suspected abuse …): raises an alert at once with the record (R-SVC-5). */
export const serviceConcernSchema = z.strictObject({
  kind: z.enum(ALERT_KINDS, '请选择发现的情况'),
  description: shortText(1000).min(2, '请简要说明发现的情况'),
  /** The person concerned: one of the record's people; null when the record names one person (that person). */
  beneficiaryId: z.uuid('服务对象编号格式不正确').nullable().default(null),
});
export type ServiceConcernInput = z.input<typeof serviceConcernSchema>;

/** The fields a record's author may set; PATCH takes any subset of them. */
const recordShape = {
  /** On or before today (the Clock's), R-SVC-2. */
  servedOn: isoDate,
  durationMinutes: z
    .number('请填写服务时长（分钟）')
    .int('服务时长应为整数分钟')
    .min(1, '服务时长至少 1 分钟')
    .max(MAX_DURATION_MINUTES, `单次服务时长不超过 ${MAX_DURATION_MINUTES} 分钟（更长的服务请分次记录）`),
  form: z.enum(SERVICE_FORMS, '请选择服务形式'),
  catalogueCode: catalogueCodeSchema,
  /** Named people served (registered at the station); a community activity may have none and a head count instead. */
  beneficiaryIds: z
    .array(z.uuid('服务对象编号格式不正确'))
    .max(MAX_PEOPLE_PER_RECORD, `一条记录最多 ${MAX_PEOPLE_PER_RECORD} 名服务对象，人数多时请填写参与人数`),
  /** People counted without names (社区活动, 政策宣传, 小组). */
  headCount: z
    .number('参与人数应为数字')
    .int('参与人数应为整数')
    .min(0, '参与人数不能为负数')
    .max(MAX_HEAD_COUNT, `参与人数不超过 ${MAX_HEAD_COUNT}`),
  /** Roster records (workers) who did the work; empty = the caller's own roster record. */
  workerIds: z
    .array(z.uuid('社工编号格式不正确'))
    .max(MAX_WORKERS_PER_RECORD, `一条记录最多 ${MAX_WORKERS_PER_RECORD} 名社工`),
  summary: shortText(2000).min(2, '请用几句话记录服务内容'),
  place: shortText(100),
  /** The case (个案) this record is an intervention of; its person must be among the people. */
  caseId: z.uuid('个案编号格式不正确').nullable(),
};

export const createServiceRecordSchema = z.strictObject({
  /** Made on the phone (uuid v4): the same id again is the same record (idempotent POST). */
  id: z.uuid('记录编号格式不正确'),
  stationId: z.uuid('请选择社工站'),
  servedOn: recordShape.servedOn,
  durationMinutes: recordShape.durationMinutes,
  form: recordShape.form,
  catalogueCode: recordShape.catalogueCode,
  beneficiaryIds: recordShape.beneficiaryIds.default([]),
  headCount: recordShape.headCount.default(0),
  workerIds: recordShape.workerIds.default([]),
  summary: recordShape.summary,
  place: recordShape.place.default(''),
  caseId: recordShape.caseId.default(null),
  concern: serviceConcernSchema.nullable().default(null),
});
export type CreateServiceRecordInput = z.input<typeof createServiceRecordSchema>;
export type CreateServiceRecord = z.infer<typeof createServiceRecordSchema>;

/** PATCH: the fields sent change (same rules as a new record), the others stay; the station does not change. */
export const updateServiceRecordSchema = z.strictObject(recordShape).partial().extend({ version: z.number().int() });
export type UpdateServiceRecordInput = z.input<typeof updateServiceRecordSchema>;

/** Withdrawing a mistaken record: it leaves lists and statistics; the log keeps it. */
export const archiveServiceRecordSchema = z.strictObject({
  version: z.number().int(),
  reason: shortText(200).min(2, '请写明撤回原因'),
});
export type ArchiveServiceRecordInput = z.input<typeof archiveServiceRecordSchema>;

export const serviceRecordQuerySchema = z.strictObject({
  ...pageQuery,
  stationId: z.uuid().optional(),
  /** servedOn from / to, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  form: z.enum(SERVICE_FORMS).optional(),
  /** 附件2 domain 1…6. */
  domain: z.coerce.number().int().min(1).max(9).optional(),
  item: catalogueCodeSchema.optional(),
  workerId: z.uuid().optional(),
  beneficiaryId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  /** Under a unit or township (its 12-digit code), as a county's or the city's report links to its records. */
  unit: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
  /** The contractor whose contract covered the station on the day (an agreement-year report's records). */
  organisationId: z.uuid().optional(),
});
export type ServiceRecordQuery = z.infer<typeof serviceRecordQuerySchema>;

/** A person on a record as this caller may see them: names masked for upper levels, withheld when restricted. */
export const serviceRecordPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The caller sees only that a person was served (sensitive record, not the responsible worker, lead or county). */
  restricted: z.boolean(),
});
export type ServiceRecordPerson = z.infer<typeof serviceRecordPersonSchema>;

export const serviceRecordListItemSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  servedOn: z.string(),
  durationMinutes: z.number(),
  form: z.enum(SERVICE_FORMS),
  catalogueCode: z.string(),
  domainCode: z.number(),
  domainName: z.string(),
  itemName: z.string(),
  people: z.array(serviceRecordPersonSchema),
  peopleCount: z.number(),
  headCount: z.number(),
  workers: z.array(z.object({ id: z.string(), name: z.string() })),
  caseId: z.string().nullable(),
  /** Empty when withheld (a restricted person on the record, or it raised an alert the caller may not read). */
  summary: z.string(),
  summaryWithheld: z.boolean(),
  place: z.string(),
  /** An alert was raised with this record (its details are the alerts module's). */
  alertRaised: z.boolean(),
  createdAt: z.string(),
});
export type ServiceRecordListItem = z.infer<typeof serviceRecordListItemSchema>;
export const serviceRecordPageSchema = pagedSchema(serviceRecordListItemSchema);

export const serviceRecordViewSchema = serviceRecordListItemSchema.extend({
  version: z.number(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  alertIds: z.array(z.string()),
  createdByName: z.string().nullable(),
  /** Optional photos (no formalism: never required), withheld with the summary. */
  photos: z.array(attachmentViewSchema),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), archive: z.boolean(), attach: z.boolean() }),
});
export type ServiceRecordView = z.infer<typeof serviceRecordViewSchema>;

/** 附件2 as stored (`GET /catalogue`): the boundary of purchasable work. */
export const catalogueItemViewSchema = z.object({
  /** `domain.item`, e.g. `2.3`. */
  code: z.string(),
  domainCode: z.number(),
  domainName: z.string(),
  itemNumber: z.number(),
  itemName: z.string(),
  description: z.string(),
});
export type CatalogueItemView = z.infer<typeof catalogueItemViewSchema>;
export const catalogueListSchema = itemsSchema(catalogueItemViewSchema);
