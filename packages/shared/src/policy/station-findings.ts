import type { Finding } from './finding';
import { staffingFinding } from './staff-rules';
import {
  INSTITUTION_ITEMS,
  REQUIRED_EQUIPMENT,
  ROOMS_BY_NEED,
  SITE_ITEMS,
  type InstitutionItem,
} from '../stations/station-checklists';
import type { InstitutionChecklist, SiteChecklist, StationStatus } from '../stations/stations.schemas';

/** Minimum office area of 四(三) (R-ST-2). */
export const MIN_OFFICE_AREA_M2 = 20;

export interface StationFacts {
  name: string;
  townshipName: string;
  status: StationStatus;
  officeAreaM2: number | null;
  site: SiteChecklist;
  institutions: InstitutionChecklist;
  hasSignagePhoto: boolean;
  address: string;
  phone: string;
  openingHours: string;
  /** Whether a live service contract covers the station; undefined where contracts are not known. */
  hasCurrentContract?: boolean;
  /** Set when the live contract ends early after a failed evaluation (R-CON-2). */
  contractEndsEarlyOn?: string | null;
  /** Resident workers assigned today; undefined where staffing is not known. */
  residentWorkers?: number;
}

/** The name a station must carry: `××乡镇（街道）社会工作服务站` (R-ST-1). */
export function requiredStationName(townshipName: string): string {
  return `${townshipName}社会工作服务站`;
}

/**
 * Compliance findings of a station (R-ST-1, R-ST-2, R-ST-4). A planned station is only checked for its
 * name; from 建设中 on, site and institutions are expected, and they are errors once it is built.
 */
export function stationFindings(s: StationFacts): Finding[] {
  const out: Finding[] = [];
  const expected = requiredStationName(s.townshipName);
  if (s.name !== expected) {
    out.push({
      ruleId: 'R-ST-1',
      code: 'R-ST-1.name',
      severity: 'error',
      message: `站点名称“${s.name}”不符合“××乡镇（街道）社会工作服务站”格式`,
      action: `将名称改为“${expected}”`,
    });
  }
  if (s.status === 'planned') return out;
  const sev = s.status === 'building' ? 'warning' : 'error';

  if (!s.hasSignagePhoto) {
    out.push({
      ruleId: 'R-ST-1',
      code: 'R-ST-1.signage',
      severity: sev,
      message: '未上传“社会工作服务站”标牌照片',
      action: '在办公场地显著位置挂设标牌，并上传标牌照片',
    });
  }
  if (s.officeAreaM2 == null) {
    out.push({
      ruleId: 'R-ST-2',
      code: 'R-ST-2.office-area-missing',
      severity: sev,
      message: '未填写办公用房面积',
      action: `填写办公用房面积（不少于 ${MIN_OFFICE_AREA_M2} ㎡）`,
    });
  } else if (s.officeAreaM2 < MIN_OFFICE_AREA_M2) {
    out.push({
      ruleId: 'R-ST-2',
      code: 'R-ST-2.office-area-small',
      severity: sev,
      message: `办公用房面积 ${s.officeAreaM2} ㎡，少于 ${MIN_OFFICE_AREA_M2} ㎡`,
      action: `协调乡镇（街道）提供不少于 ${MIN_OFFICE_AREA_M2} ㎡ 的办公用房`,
    });
  }
  if (!s.site.activityRoom) {
    out.push({
      ruleId: 'R-ST-2',
      code: 'R-ST-2.activity-room',
      severity: sev,
      message: '缺少活动用房',
      action: '协调乡镇（街道）提供一定面积的活动用房',
    });
  }
  const missingEquipment = REQUIRED_EQUIPMENT.filter((k) => !s.site[k]).map((k) => SITE_ITEMS[k]);
  if (missingEquipment.length > 0) {
    out.push({
      ruleId: 'R-ST-2',
      code: 'R-ST-2.equipment',
      severity: sev,
      message: `缺少设施设备：${missingEquipment.join('、')}`,
      action: '配齐必要的办公设施设备后在清单中勾选',
    });
  }
  const missingRooms = ROOMS_BY_NEED.filter((k) => !s.site[k]).map((k) => SITE_ITEMS[k]);
  if (missingRooms.length > 0) {
    out.push({
      ruleId: 'R-ST-2',
      code: 'R-ST-2.rooms',
      severity: 'info',
      message: `未设立：${missingRooms.join('、')}`,
      action: '按“资源整合、一室多用”原则，根据服务需求设立',
    });
  }
  const missingInstitutions = (Object.keys(INSTITUTION_ITEMS) as InstitutionItem[]).filter((k) => !s.institutions[k]);
  if (missingInstitutions.length > 0) {
    out.push({
      ruleId: 'R-ST-4',
      code: 'R-ST-4.institutions',
      severity: sev,
      message: `制度建设缺项：${missingInstitutions.map((k) => INSTITUTION_ITEMS[k]).join('、')}`,
      action: '建立相应制度或机制后在清单中勾选',
    });
  }
  if (s.status === 'operating' && (!s.address || !s.phone || !s.openingHours)) {
    const missing = [!s.address && '地址', !s.phone && '联系电话', !s.openingHours && '开放时间']
      .filter(Boolean)
      .join('、');
    out.push({
      ruleId: 'R-ST-1',
      code: 'R-ST-1.contact',
      severity: 'warning',
      message: `运营中的站点缺少${missing}，公众无法联系`,
      action: `补充${missing}`,
    });
  }
  if (s.status === 'operating' && s.residentWorkers !== undefined) {
    const staffing = staffingFinding(s.residentWorkers);
    if (staffing) out.push(staffing);
  }
  if (s.contractEndsEarlyOn) {
    out.push({
      ruleId: 'R-CON-2',
      code: 'R-CON-2.not-renewed',
      severity: 'warning',
      message: `年度评估不合格，现合同于 ${s.contractEndsEarlyOn} 终止，不予续签`,
      action: '按政府采购程序重新确定承接主体，避免服务中断',
    });
  }
  if (s.status === 'operating' && s.hasCurrentContract === false) {
    out.push({
      ruleId: 'R-CON-2',
      code: 'R-CON-2.no-contract',
      severity: 'warning',
      message: '没有有效的政府购买服务合同（承接主体）',
      action: '按政府采购程序确定承接主体并签订合同',
    });
  }
  return out;
}
