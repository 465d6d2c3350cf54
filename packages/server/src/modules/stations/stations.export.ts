import { SEVERITY_LABELS, STATION_STATUS_LABELS, clauseOf, withClauses, type StationView } from '@shegong/shared';
import { reportWorkbook } from '../../platform/http/xlsx';

const findingsText = (s: StationView) =>
  s.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `[${clauseOf(f.ruleId)} ${SEVERITY_LABELS[f.severity]}] ${withClauses(f.message)}`)
    .join('\n');

/** The station register as civil affairs staff keep it: one row per station with its contractor and findings. */
export function stationsWorkbook(items: StationView[], scope: string, filters: string, exportedAt: Date) {
  return reportWorkbook<StationView>({
    name: '社工站台账',
    title: '濮阳市乡镇（街道）社会工作服务站台账',
    scope,
    filters,
    exportedAt,
    rows: items,
    columns: [
      // 城关镇 exists in five counties: the county always stands beside the township.
      { header: '县（区）', kind: 'text', width: 10, value: (s) => s.countyName },
      { header: '乡镇（街道）', kind: 'text', width: 12, value: (s) => s.townshipName },
      { header: '站点名称', kind: 'wraptext', width: 26, value: (s) => s.name },
      { header: '批次（年度）', kind: 'number', width: 10, value: (s) => s.batchYear },
      { header: '状态', kind: 'text', width: 8, value: (s) => STATION_STATUS_LABELS[s.status] },
      { header: '开放日期', kind: 'date', value: (s) => s.openedOn },
      { header: '承接机构', kind: 'wraptext', width: 22, value: (s) => s.contract?.contractorName },
      { header: '地址', kind: 'wraptext', width: 24, value: (s) => s.address },
      { header: '联系电话', kind: 'id', width: 14, value: (s) => s.phone },
      { header: '开放时间', kind: 'wraptext', width: 16, value: (s) => s.openingHours },
      { header: '办公用房面积（㎡）', kind: 'number', width: 11, value: (s) => s.officeAreaM2 },
      { header: '驻站社工（人）', kind: 'number', width: 9, value: (s) => s.residentWorkers },
      { header: '合规提示', kind: 'wraptext', width: 44, value: findingsText },
    ],
  });
}
