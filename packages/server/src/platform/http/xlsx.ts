import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { shanghaiDateTime } from '../clock';

/** Sends a workbook with a UTF-8 file name that Excel, WPS and browsers all read. */
export function sendXlsx(reply: FastifyReply, buf: Buffer | ArrayBuffer, filename: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(Buffer.from(buf as ArrayBuffer));
}

/** A sheet in the house style of UX.md: title row, the filter used, export time, then a header row. */
export function titledSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  filterText: string,
  headers: string[],
  exportedAt: Date,
) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([`筛选条件：${filterText || '全部'}`]);
  ws.addRow([`导出时间：${shanghaiDateTime(exportedAt)}`]);
  const h = ws.addRow(headers);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
    c.border = { bottom: { style: 'thin' } };
  });
  headers.forEach((hd, i) => (ws.getColumn(i + 1).width = Math.max(10, hd.length * 2 + 4)));
  return ws;
}

export { ExcelJS };
