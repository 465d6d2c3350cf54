import type { StationQuery } from '@shegong/shared';
import { progressKeys, useProgress } from '../plan/plan.api';
import { stationKeys, useStations } from '../stations/stations.api';

/** The stations the home page counts and checks for open findings: the first 200 in the user's scope. */
const HOME_STATIONS: Partial<StationQuery> = { page: 1, pageSize: 200 };

/**
 * What the home page (工作台) reads. It owns no data: its keys are those of the features that do, so the home page and
 * the station list or progress page share one cache entry, and a station change that invalidates `stationKeys.all`
 * and `progressKeys.all` refreshes the home page too.
 */
export const homeKeys = {
  stations: () => stationKeys.list(HOME_STATIONS),
  progress: () => progressKeys.report(),
};

export const useHomeStations = () => useStations(HOME_STATIONS);

/** The whole-scope progress report (建设进度), the one the progress page opens with; only for roles that read the plan. */
export const useHomeProgress = (enabled: boolean) => useProgress({}, { enabled });
