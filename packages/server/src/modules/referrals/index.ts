export { createReferralService, type ReferralService } from './referrals.service';
export { referralRoutes } from './referrals.routes';
export { referralCountsFor } from './referrals-counts.repository';
