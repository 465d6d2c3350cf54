export { createBeneficiaryService, type BeneficiaryService } from './beneficiaries.service';
export { beneficiaryRoutes } from './beneficiaries.routes';
export { createBeneficiaryImport, type BeneficiaryImport } from './beneficiaries.import';
export { beneficiaryIoRoutes } from './beneficiaries-io.routes';
export { createBeneficiaryExport, type BeneficiaryExport } from './beneficiaries.export';
export { personAtStation, peopleAtStations, currentReferralConsent } from './beneficiaries-consent.repository';
export { createVisitService, type VisitService, type PeopleScope } from './visits.service';
export { visitRoutes } from './visits.routes';
export { servedByCategory } from './category-counts.repository';
export { visitDay } from './beneficiaries-contacts.repository';
export {
  createBeneficiaryContacts,
  type BeneficiaryContacts,
  type RecordPerson,
  type ContactDates,
} from './beneficiaries.contacts';
export { callListOf, sensitiveAmong } from './beneficiaries-call-list.repository';
