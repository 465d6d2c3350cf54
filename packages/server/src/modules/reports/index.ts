export { createReportService, type ReportService, type ReportFiguresSource } from './reports.service';
export { createReportSchedule, type ReportSchedule } from './reports.schedule';
export { createReportSettings, type ReportSettingsService } from './report-settings';
export { reportRoutes } from './reports.routes';
export { createReportFigures, type ReportSubject } from './reports.figures';
export { registerCirculars } from './circulars.module';
export { registerReportExports } from './reports-export.routes';
export { createContractTimeliness, type ContractTimeliness } from './timeliness';
export type { ReportFiguresService } from './reports.figures';
