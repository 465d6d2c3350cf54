export { alertCountsFor } from './alerts-counts.repository';
