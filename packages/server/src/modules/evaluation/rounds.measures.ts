import {
  SERVICE_FORM_LABELS,
  circularPeriod,
  type Measure,
  type MeasuredFigure,
  type ReportFigures,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { alertAckTimeliness } from '../alerts';
import type { AgreementYear } from '../contracts';
import type { ContractTimeliness, ReportFiguresService } from '../reports';
import type { SatisfactionRates } from '../satisfaction';
import type { SupervisionCoverage, SupervisionCoverageLookup } from '../supervision';

/** What a round measures: its agreement year and the part of it the round covers. */
export interface MeasuredSubject {
  year: AgreementYear;
  periodStart: string;
  periodEnd: string;
  stationIds: string[];
  unitCode: string;
}

export interface MeasureDeps {
  db: Db;
  figures: ReportFiguresService;
  contractTimeliness: ContractTimeliness;
  stationIdsOf: (contractId: string) => Promise<string[]>;
  supervision: SupervisionCoverageLookup;
  satisfaction: SatisfactionRates;
}

/** What else the measures read besides the report figures: reports on time, supervision and satisfaction. */
interface Extra {
  on: { onTime: number; expected: number };
  sup: SupervisionCoverage;
  sat: { answers: number; satisfied: number };
  ack: { raised: number; inTime: number };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
/** 六（四）: 60 hours of continuing education a year, prorated to the months the round covers. */
const YEARLY_HOURS = 60;

/**
 * R-EVAL-2: the figures the platform measures for an agreement year's round, from the records entered once (the same
 * queries as the reports, R-REP-3), supervision (R-EVAL-4) and satisfaction (R-EVAL-3): each with its words, the rate
 * that suggests a score, and the records' page.
 */
export function createRoundMeasures(d: MeasureDeps) {
  function words(f: ReportFigures, s: MeasuredSubject, { on, sup, sat, ack }: Extra) {
    const org = `organisationId=${s.year.organisationId}`;
    const period = `from=${f.from}&to=${f.to}`;
    const st = f.staffing;
    const sv = f.services;
    const months = Math.max(1, monthsBetween(s.periodStart, s.periodEnd));
    const perWorker = st.workers > 0 ? f.trainings.hours / st.workers : null;
    const out: Record<Measure, MeasuredFigure> = {
      staffing: {
        text: `运营站点 ${st.operatingStations} 个，配足 2 名驻站社工的 ${st.operatingStations - st.understaffedStations} 个（${st.asOf}）`,
        rate: ratio(st.operatingStations - st.understaffedStations, st.operatingStations),
        link: `/workers?${org}`,
      },
      qualification: {
        text: `驻站社工 ${st.workers} 名，具备专业资格 ${st.qualified} 名（${pct(ratio(st.qualified, st.workers))}）`,
        rate: ratio(st.qualified, st.workers),
        link: `/workers?${org}`,
      },
      training_hours: {
        text: `期间培训 ${f.trainings.sessions} 场、${f.trainings.participants} 人次，人均 ${
          perWorker === null ? '—' : Math.round(perWorker * 10) / 10
        } 学时（应达 ${Math.round((YEARLY_HOURS * months) / 12)} 学时）`,
        rate: perWorker === null ? null : perWorker / ((YEARLY_HOURS * months) / 12),
        link: '/trainings',
      },
      reports_on_time: {
        text: `应交报告 ${on.expected} 份，按时提交 ${on.onTime} 份（${pct(ratio(on.onTime, on.expected))}）`,
        rate: ratio(on.onTime, on.expected),
        link: `/reports?${org}`,
      },
      service_records: {
        text: `服务记录 ${sv.totals.records} 条，服务 ${sv.totals.peopleServed} 人；${
          sv.byForm
            .filter((x) => x.records > 0)
            .map((x) => `${SERVICE_FORM_LABELS[x.form]} ${x.records} 条`)
            .join('、') || '无'
        }`,
        rate: null,
        link: `/services?${org}&${period}`,
      },
      visits: {
        text: `应访 ${sv.visits.due} 人，已访 ${sv.visits.done} 人（${pct(ratio(sv.visits.done, sv.visits.due))}）`,
        rate: ratio(sv.visits.done, sv.visits.due),
        link: '/visits',
      },
      alerts_handled: {
        text: `预警 ${ack.raised} 条，24 小时内确认 ${ack.inTime} 条（${pct(ratio(ack.inTime, ack.raised))}）；期间已处置 ${sv.alerts.handled} 条`,
        rate: ratio(ack.inTime, ack.raised),
        link: '/alerts',
      },
      referrals_obtained: {
        text: `转介 ${sv.referrals.submitted} 次，已获得帮扶 ${sv.referrals.obtained} 次`,
        rate: ratio(sv.referrals.obtained, sv.referrals.submitted),
        link: '/referrals',
      },
      satisfaction: {
        text: `满意度评价 ${sat.answers} 份（站点评价和随机回访），满意 ${sat.satisfied} 份（${pct(ratio(sat.satisfied, sat.answers))}）`,
        rate: ratio(sat.satisfied, sat.answers),
        link: '/satisfaction',
      },
      supervision: {
        text: `期间督导 ${sup.sessions} 次、共 ${sup.hours} 小时，参加督导的驻站社工 ${sup.workers} 名（在岗 ${st.workers} 名）；待回复的督导意见 ${sup.reviewsOpen} 条`,
        rate: st.workers > 0 ? Math.min(1, sup.workers / st.workers) : null,
        link: '/supervision',
      },
      disclosure: {
        text: s.year.publishedOn
          ? `第 ${s.year.yearNo} 年度协议已于 ${s.year.publishedOn} 公告`
          : `第 ${s.year.yearNo} 年度协议尚未登记公告`,
        rate: s.year.publishedOn ? 1 : 0,
        link: `/contracts/${s.year.contractId}`,
      },
    };
    return out;
  }

  return {
    /** Every measure's figure for the subject, computed now from the records (frozen by the round on sign-off). */
    async measure(s: MeasuredSubject): Promise<Record<Measure, MeasuredFigure>> {
      const [f, on, sup, sat, ack] = await Promise.all([
        d.figures.compute({
          kind: 'agreement_final',
          periodStart: s.periodStart,
          periodEnd: s.periodEnd,
          stationIds: s.stationIds,
          divisionPath: s.year.divisionPath,
          unitCode: s.unitCode,
        }),
        d.contractTimeliness(s.year.contractId, s.periodStart, circularPeriod(s.periodEnd.slice(0, 7)).to),
        d.supervision.ofStations(s.stationIds, s.periodStart, s.periodEnd),
        d.satisfaction.ofStations(s.stationIds, s.periodStart, s.periodEnd),
        alertAckTimeliness(
          d.db,
          { scope: { kind: 'division', path: s.year.divisionPath }, stationIds: s.stationIds },
          s.periodStart,
          s.periodEnd,
        ),
      ]);
      return words(f, s, { on, sup, sat, ack });
    },
  };
}
export type RoundMeasures = ReturnType<typeof createRoundMeasures>;

function monthsBetween(start: string, end: string) {
  const [ys, ms] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const [ye, me] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  return (ye - ys) * 12 + (me - ms) + 1;
}
