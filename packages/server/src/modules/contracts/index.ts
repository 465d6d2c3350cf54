export { createContractService, type ContractService } from './contracts.service';
export { contractRoutes } from './contracts.routes';
export { createContractLookup, type ContractLookup } from './contracts.lookup';
export { createComplianceReport, type ComplianceReport } from './compliance';
export { createContractDesk, type ContractDesk } from './contracts.desk';
export { createAgreementYears, type AgreementYears, type AgreementYear } from './contracts.years';
