import { SEVERITY_LABELS, STATION_STATUS_LABELS, clauseOf, withClauses, type StationView } from '@shegong/shared';
import { ExcelJS, titledSheet } from '../../platform/http/xlsx';

/** The station register as civil affairs staff keep it: one row per station with its findings. */
export async function stationsWorkbook(items: StationView[], filterText: string, exportedAt: Date) {
  const wb = new ExcelJS.Workbook();
  const ws = titledSheet(
    wb,
    '社工站台账',
    '濮阳市乡镇（街道）社会工作服务站台账',
    filterText,
    [
      '县（区）',
      '乡镇（街道）',
      '站点名称',
      '批次（年度）',
      '状态',
      '地址',
      '联系电话',
      '开放时间',
      '办公用房面积（㎡）',
      '合规提示',
    ],
    exportedAt,
  );
  for (const s of items) {
    ws.addRow([
      s.countyName,
      s.townshipName,
      s.name,
      s.batchYear,
      STATION_STATUS_LABELS[s.status],
      s.address,
      s.phone,
      s.openingHours,
      s.officeAreaM2 ?? '',
      s.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => `[${clauseOf(f.ruleId)} ${SEVERITY_LABELS[f.severity]}] ${withClauses(f.message)}`)
        .join('\n'),
    ]);
  }
  ws.getColumn(3).width = 36;
  ws.getColumn(10).width = 60;
  return wb.xlsx.writeBuffer();
}
