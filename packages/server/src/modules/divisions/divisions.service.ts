import type { Division, DivisionLevel } from '@shegong/shared';
import type { Db } from '../../db/database';
import { AppError } from '../../platform/http/errors';
import { divisionsRepository as repo } from './divisions.repository';

export interface DivisionNode extends Division {
  path: string;
}

/**
 * Divisions are reference data that change only through a versioned load, so they are read once
 * and kept in memory; every module resolves codes, names and paths here.
 */
export async function createDivisionService({ db }: { db: Db }) {
  const rows = await repo.all(db);
  const list: DivisionNode[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    parentCode: r.parentCode,
    statsCountyCode: r.statsCountyCode,
    official: r.official,
    path: r.path,
  }));
  const byCode = new Map(list.map((d) => [d.code, d]));
  const targets = await repo.planTargets(db);
  const catalogue = await repo.catalogue(db);
  const catalogueByCode = new Map(catalogue.map((c) => [c.code, c]));
  return {
    /** 附件1: the number of stations each unit plans to build each year (R-PLAN-1). */
    planTargets: () => targets,
    all: () => list,
    /** 附件2, the boundary of purchasable work (R-SVC-2): every item in catalogue order, and one item by code. */
    catalogue: () => catalogue,
    catalogueItem: (code: string) => catalogueByCode.get(code),
    find: (code: string) => byCode.get(code),
    /** The division or a 400 naming the field, for input that refers to one. */
    require(code: string, field: string, level?: DivisionLevel): DivisionNode {
      const d = byCode.get(code);
      if (!d || (level && d.level !== level)) {
        const what = level === 'township' ? '乡镇（街道）' : level === 'county' ? '县（区）' : '区划';
        throw new AppError('VALIDATION_FAILED', `「${what}」代码 ${code} 不存在`, {
          fieldErrors: { [field]: `${what}不存在` },
        });
      }
      return d;
    },
    list(filter: { parent?: string; level?: DivisionLevel }): DivisionNode[] {
      return list.filter(
        (d) => (!filter.parent || d.parentCode === filter.parent) && (!filter.level || d.level === filter.level),
      );
    },
    /** The county-level units within a scope (its own unit, or every unit below a city or province), in list order. */
    countiesIn(scope: { path: string }): DivisionNode[] {
      return list.filter((d) => d.level === 'county' && d.path.startsWith(scope.path));
    },
    /** The county-level unit a division belongs to (itself for a unit). */
    unitOf(code: string): DivisionNode | undefined {
      const d = byCode.get(code);
      if (!d) return undefined;
      return d.level === 'township' ? byCode.get(d.parentCode!) : d.level === 'county' ? d : undefined;
    },
  };
}
export type DivisionService = Awaited<ReturnType<typeof createDivisionService>>;

export const toDivision = ({ path: _path, ...d }: DivisionNode): Division => d;
