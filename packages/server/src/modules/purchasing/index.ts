export { createPurchasePlanService, type PurchasePlanService } from './purchase-plans.service';
export { createProcurementService, type ProcurementService, type ContractsByProcurement } from './procurements.service';
export { purchasingRoutes } from './purchasing.routes';
