export { createBeneficiaryService, type BeneficiaryService } from './beneficiaries.service';
export { beneficiaryRoutes } from './beneficiaries.routes';
export { createBeneficiaryImport, type BeneficiaryImport } from './beneficiaries.import';
export { beneficiaryIoRoutes } from './beneficiaries-io.routes';
export { createBeneficiaryExport, type BeneficiaryExport } from './beneficiaries.export';
export {
  createBeneficiaryContacts,
  type BeneficiaryContacts,
  type RecordPerson,
  type ContactDates,
} from './beneficiaries.contacts';
