import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { contractScope } from './contracts.repository';
import { agreements, contractEvaluations, contracts } from './contracts.table';

/** One agreement year (一年一签) with what an evaluation of it needs to know about its contract. */
export interface AgreementYear {
  contractId: string;
  yearNo: number;
  periodStart: string;
  periodEnd: string;
  title: string;
  organisationId: string;
  countyCode: string;
  divisionPath: string;
  purchaserName: string;
  status: 'active' | 'ending' | 'ended';
  /** The year's result already recorded (by rounds or on paper), if any. */
  result: 'passed' | 'failed' | null;
  resultSource: 'paper' | 'rounds' | null;
  /** R-CON-3: when the year's agreement was announced, if it was. */
  publishedOn: string | null;
}

const yearColumns = {
  contractId: contracts.id,
  yearNo: agreements.yearNo,
  periodStart: agreements.periodStart,
  periodEnd: agreements.periodEnd,
  title: contracts.title,
  organisationId: contracts.organisationId,
  countyCode: contracts.countyCode,
  divisionPath: contracts.divisionPath,
  purchaserName: contracts.purchaserName,
  status: contracts.status,
  result: contractEvaluations.result,
  resultSource: contractEvaluations.source,
  publishedOn: agreements.publishedOn,
};

function yearsQuery(db: DbOrTx) {
  return db
    .select(yearColumns)
    .from(agreements)
    .innerJoin(contracts, eq(contracts.id, agreements.contractId))
    .leftJoin(
      contractEvaluations,
      and(eq(contractEvaluations.contractId, agreements.contractId), eq(contractEvaluations.yearNo, agreements.yearNo)),
    );
}

/** All SQL of agreement years for 督导评估 (R-EVAL-1, R-CON-2). */
export const agreementYearsRepository = {
  async inScope(
    db: DbOrTx,
    scope: Scope,
    subjects: { contractId: string; yearNo: number }[],
  ): Promise<AgreementYear[]> {
    if (subjects.length === 0) return [];
    return yearsQuery(db).where(
      and(
        contractScope(scope),
        isNull(contracts.archivedAt),
        or(...subjects.map((s) => and(eq(agreements.contractId, s.contractId), eq(agreements.yearNo, s.yearNo)))),
      ),
    ) as Promise<AgreementYear[]>;
  },
  inForceOn(db: DbOrTx, scope: Scope, day: string): Promise<AgreementYear[]> {
    return yearsQuery(db).where(
      and(
        contractScope(scope),
        isNull(contracts.archivedAt),
        sql`${agreements.periodStart} <= ${day}::date and ${agreements.periodEnd} >= ${day}::date`,
      ),
    ) as Promise<AgreementYear[]>;
  },
  /** R-CON-2 results decided in [from, to] per county-level unit: the 通报's 年度评估合格率 (R-REP-4). */
  async resultsByCounty(db: DbOrTx, from: string, to: string) {
    return db
      .select({
        countyCode: contracts.countyCode,
        decided: sql<number>`count(*)::int`,
        passed: sql<number>`(count(*) filter (where ${contractEvaluations.result} = 'passed'))::int`,
      })
      .from(contractEvaluations)
      .innerJoin(contracts, eq(contracts.id, contractEvaluations.contractId))
      .where(
        and(
          isNull(contracts.archivedAt),
          sql`${contractEvaluations.evaluatedOn} between ${from}::date and ${to}::date`,
        ),
      )
      .groupBy(contracts.countyCode);
  },
  async titles(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: contracts.id, title: contracts.title })
      .from(contracts)
      .where(inArray(contracts.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.title]));
  },
  async insertResult(
    tx: DbOrTx,
    y: AgreementYear,
    r: { passed: boolean; score: number; grade: string; evaluatedOn: string; summary: string },
    by: string,
    now: Date,
  ) {
    await tx.insert(contractEvaluations).values({
      contractId: y.contractId,
      yearNo: y.yearNo,
      result: r.passed ? 'passed' : 'failed',
      evaluatedOn: r.evaluatedOn,
      evaluator: y.purchaserName,
      summary: r.summary,
      source: 'rounds',
      score: r.score,
      grade: r.grade,
      createdBy: by,
    });
    await tx
      .update(contracts)
      .set({
        ...(r.passed ? {} : { status: 'ending' as const, endsOn: y.periodEnd }),
        version: sql`${contracts.version} + 1`,
        updatedAt: now,
        updatedBy: by,
      })
      .where(eq(contracts.id, y.contractId));
  },
};
