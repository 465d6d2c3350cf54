import { z } from 'zod';
import { isoDate, pageQuery } from '../common';
import { divisionCodeSchema } from '../divisions/divisions.schemas';

// R-PLAN-2: one county social work centre per unit, and village/community service rooms.
export const FACILITY_STATUSES = ['planned', 'operating', 'suspended'] as const;
export const FACILITY_STATUS_LABELS = { planned: '筹建中', operating: '运营中', suspended: '暂停' } as const;

export const countyCentreSchema = z.strictObject({
  countyCode: divisionCodeSchema,
  name: z.string().trim().min(2, '至少 2 个字符').max(60, '不能超过 60 个字符'),
  status: z.enum(FACILITY_STATUSES),
  address: z.string().trim().max(200).default(''),
  phone: z.string().trim().max(20).default(''),
  establishedOn: isoDate.nullable().default(null),
});
export type CountyCentreInput = z.infer<typeof countyCentreSchema>;
export const updateCountyCentreSchema = countyCentreSchema
  .omit({ countyCode: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateCountyCentreInput = z.infer<typeof updateCountyCentreSchema>;

export const SERVICE_ROOM_KINDS = ['village', 'community'] as const;
export const SERVICE_ROOM_KIND_LABELS = { village: '村', community: '社区' } as const;

export const serviceRoomSchema = z.strictObject({
  villageName: z
    .string()
    .trim()
    .min(2, '至少 2 个字符')
    .max(40, '不能超过 40 个字符')
    .refine((s) => /(村|社区)$/.test(s), '应以“村”或“社区”结尾'),
  kind: z.enum(SERVICE_ROOM_KINDS),
  status: z.enum(FACILITY_STATUSES),
  openedOn: isoDate.nullable().default(null),
});
export type ServiceRoomInput = z.infer<typeof serviceRoomSchema>;

/** `××村（社区）社会工作服务室` (R-ST-1). */
export function serviceRoomName(villageName: string): string {
  return `${villageName}社会工作服务室`;
}

export const countyCentreQuerySchema = z.strictObject({ ...pageQuery });
export type CountyCentreQuery = z.infer<typeof countyCentreQuerySchema>;

export const countyCentreViewSchema = z.object({
  id: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  name: z.string(),
  status: z.enum(FACILITY_STATUSES),
  address: z.string(),
  phone: z.string(),
  establishedOn: z.string().nullable(),
  version: z.number().int(),
});
export type CountyCentreView = z.infer<typeof countyCentreViewSchema>;

export const serviceRoomViewSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  villageName: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_ROOM_KINDS),
  status: z.enum(FACILITY_STATUSES),
  openedOn: z.string().nullable(),
});
export type ServiceRoomView = z.infer<typeof serviceRoomViewSchema>;
