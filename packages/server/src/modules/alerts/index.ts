export { createAlertService, type AlertService } from './alerts.service';
export { createAlertRaiser } from './alerts.raiser';
export { alertRoutes } from './alerts.routes';
export { alertAckTimeliness, alertCountsFor } from './alerts-counts.repository';
export { alertIdsByRecord } from './alerts-by-record.repository';
