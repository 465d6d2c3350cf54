export { createPurchasePlanService, type PurchasePlanService } from './purchase-plans.service';
export { createProcurementService, type ProcurementService, type ContractsByProcurement } from './procurements.service';
export { createProcurementLookup, type ProcurementLookup, type ProcurementAward } from './procurements.lookup';
export { purchasingRoutes } from './purchasing.routes';
