import { REPORT_RECEIVER, type ReportView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { safeFileName } from '../../platform/documents/file-name';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { CITY_CODE, type DivisionService } from '../divisions';
import { reportDocument } from './reports.document';
import { reportWorkbook } from './reports.workbook';

export interface ReportExportDeps {
  db: Db;
  clock: Clock;
  /** The report as its reader may see it: 404 outside the reader's scope, exactly like the page (R-SCOPE-1). */
  reports: { get(ctx: ActorContext, id: string): Promise<ReportView> };
  /** 附件2 (`catalogue`) to name domains and items, and the city (`find`) to name the addressee. */
  divisions: Pick<DivisionService, 'catalogue' | 'find'>;
}

/**
 * A report as Word (公文 layout) and its figures as Excel (R-REP-3, issue 12 "Export"): the same view the report's page
 * shows (figures live until acceptance, frozen after), each export audited once the file is made.
 */
export function createReportExports(d: ReportExportDeps) {
  const audit = (ctx: ActorContext, view: ReportView, what: string) =>
    writeAudit(d.db, ctx, {
      action: 'export',
      entityType: 'report',
      entityId: view.id,
      // Filed under the report's unit, so the audit log filtered by unit finds the export.
      divisionPath: d.divisions.find(view.unitCode)?.path,
      summary: `导出${what}：${view.title}`,
    });
  /** 主送机关 by name: the unit's or the city's bureau; the province is not in the reference data. */
  function addressee(view: ReportView) {
    const to = REPORT_RECEIVER[view.kind];
    if (to === 'county') return `${view.unitName}民政局`;
    if (to === 'city') return `${d.divisions.find(CITY_CODE)?.name ?? ''}民政局`;
    return view.receiver;
  }
  return {
    async document(ctx: ActorContext, id: string) {
      const view = await d.reports.get(ctx, id);
      const bytes = await reportDocument({
        view,
        catalogue: d.divisions.catalogue(),
        date: view.firstSubmittedOn ?? d.clock.today(),
        addressee: addressee(view),
      });
      await audit(ctx, view, '报告（Word）');
      return { bytes, filename: safeFileName(view.title, 'docx') };
    },
    async workbook(ctx: ActorContext, id: string) {
      const view = await d.reports.get(ctx, id);
      const bytes = await reportWorkbook(view, d.divisions.catalogue(), d.clock.now());
      await audit(ctx, view, '报告数据（Excel）');
      return { bytes, filename: safeFileName(`${view.title}数据`, 'xlsx') };
    },
  };
}
export type ReportExports = ReturnType<typeof createReportExports>;
