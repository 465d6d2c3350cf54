export { createPurchasePlanService, type PurchasePlanService } from './purchase-plans.service';
export { createProcurementService, type ProcurementService } from './procurements.service';
export { purchasingRoutes } from './purchasing.routes';
export { purchasePlans, procurements } from './purchasing.table';
