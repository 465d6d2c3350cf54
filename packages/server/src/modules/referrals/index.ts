export { referralCountsFor } from './referrals-counts.repository';
