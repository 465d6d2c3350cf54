import {
  CATEGORY_LABELS,
  HEALTH_CATEGORIES,
  STATION_STATUSES,
  headerKey,
  type BeneficiaryCategory,
  type BeneficiaryImportResult,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { can } from '../../platform/auth/actor';
import { AppError } from '../../platform/http/errors';
import { readImport, type ImportChecks, type RowCheck } from '../../platform/http/import-checks';
import { problemsWorkbook } from '../../platform/http/import-workbooks';
import type { ImportUpload } from '../../platform/http/xlsx-upload';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { beneficiaryImportRepository as repo } from './beneficiaries-import.repository';
import { emptyPlan, planRow, type ImportContext, type StationChoice } from './beneficiaries-import.rows';
import { BENEFICIARY_IMPORT_MAX_ROWS, BENEFICIARY_SPEC, beneficiaryTemplate } from './beneficiaries-import.spec';

/** The page's choices for the whole file: a category (a 低保 roster has no 类别 column) and a station. */
export interface ImportOptions {
  category?: BeneficiaryCategory;
  stationId?: string;
}

const key = (name: string) => headerKey(name);

/**
 * How a row names its station: 所属社工站 (the station's name, or its township's), else 乡镇（街道）, else the station
 * chosen on the page, else the only station in the caller's scope. Only stations in the caller's scope are found; a
 * name two of them share (城关镇 is in five counties) is refused.
 */
function stationResolver(
  stations: StationChoice[],
  townshipOf: (path: string) => string | undefined,
  fallback?: StationChoice,
) {
  const named = new Map<string, StationChoice[]>();
  const add = (name: string | undefined, s: StationChoice) => {
    if (!name) return;
    const k = key(name);
    const list = named.get(k) ?? [];
    if (!list.includes(s)) named.set(k, [...list, s]);
  };
  for (const s of stations) {
    add(s.name, s);
    add(townshipOf(s.divisionPath), s);
  }
  return (r: RowCheck): StationChoice | { problem: [string, string] } => {
    for (const column of ['所属社工站', '乡镇（街道）']) {
      const text = r.text(column);
      if (!text) continue;
      const hits = named.get(key(text)) ?? [];
      if (hits.length === 1) return hits[0];
      if (hits.length > 1)
        return { problem: [column, `您负责的范围内有 ${hits.length} 个社工站与“${text}”同名：请写社工站的全称`] };
      return { problem: [column, `“${text}”不是您负责范围内的社工站或乡镇（街道）`] };
    }
    if (fallback) return fallback;
    return { problem: ['所属社工站', '须填写所属社工站或乡镇（街道），或在页面上为整个文件选择社工站'] };
  };
}

/**
 * The beneficiaries' import (R-SVC-1, R-SCOPE-2): a roster from the assistance systems checked row by row with the
 * single create's schema and rules, each row matched by ID number city-wide (new, matched with what it adds, or
 * unchanged), in chunks that yield to the event loop; then, when no row has a problem, everything is written in one
 * transaction with multi-row statements and one audit event. Up to 100,000 rows.
 */
export function createBeneficiaryImport(d: {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  divisions: DivisionService;
}) {
  async function run(
    ctx: ActorContext,
    upload: ImportUpload,
    dryRun: boolean,
    opts: ImportOptions,
  ): Promise<{ checks: ImportChecks; result: BeneficiaryImportResult }> {
    const { actor } = ctx;
    if (actor.scope.kind === 'division') throw new AppError('FORBIDDEN', '服务对象名单由社工站的工作人员导入');
    const today = d.clock.today();
    const inScope = await d.stations.inScope(actor.scope, STATION_STATUSES);
    const fallback = opts.stationId
      ? inScope.find((s) => s.id === opts.stationId)
      : inScope.length === 1
        ? inScope[0]
        : undefined;
    if (opts.stationId && !fallback)
      throw new AppError('VALIDATION_FAILED', '「社工站」不在您负责的范围内', {
        fieldErrors: { stationId: '不在您负责的范围内' },
      });
    const townships = new Map(d.divisions.list({ level: 'township' }).map((t) => [t.path, t.name]));
    const checks = await readImport(BENEFICIARY_SPEC, upload, { maxRows: BENEFICIARY_IMPORT_MAX_ROWS });
    const idNumbers = checks.layout.at.has('身份证号')
      ? checks.layout.data.map((r) => (r.cells[checks.layout.at.get('身份证号')!] ?? '').trim().toUpperCase())
      : [];
    const existing = await repo.byIdNumbers(
      d.db,
      idNumbers.filter((n) => /^\d{17}[\dX]$/.test(n)),
    );
    const source = upload.file.filename.replace(/\.(xlsx|csv|txt)$/i, '').slice(0, 100) || '导入名单';
    const context: ImportContext = {
      today,
      defaultSource: source,
      fileCategory: opts.category ?? null,
      stationOf: stationResolver(inScope, (p) => townships.get(p), fallback),
      existing,
      workerId: actor.workerId ?? null,
      scopeStations: new Set(inScope.map((s) => s.id)),
      seesSensitive: can(actor, 'beneficiaries:sensitive'),
    };
    const plan = emptyPlan();
    for await (const chunk of checks.chunks(250)) for (const r of chunk) planRow(r, context, plan);

    const result = await checks.answer(dryRun, () =>
      d.db.transaction(async (tx) => {
        const by = actor.userId;
        await repo.insertPeople(tx, plan.people, by);
        await repo.insertPeriods(tx, plan.periods, by);
        await repo.insertLinks(tx, plan.links, by);
        await repo.fillEmpty(tx, plan.fills, by);
        const { added, matched, unchanged } = plan.summary;
        // Health categories stay out of the log (R-SCOPE-2: sensitive personal information).
        const categories = [
          ...new Set(
            plan.periods.filter((p) => !HEALTH_CATEGORIES.includes(p.category)).map((p) => CATEGORY_LABELS[p.category]),
          ),
        ];
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'beneficiary',
          summary: `导入服务对象名单“${upload.file.filename}”：${checks.layout.data.length} 行，新增 ${added} 人，匹配 ${matched} 人，无变化 ${unchanged} 人`,
          divisionPath: fallback?.divisionPath ?? actor.scope.path,
          after: {
            file: upload.file.filename,
            rows: checks.layout.data.length,
            added,
            matched,
            unchanged,
            periodsAdded: plan.periods.length,
            categories,
            stationLinks: plan.links.length - added,
            // The matched people whose empty fields were filled (ids: the log names no one in clear).
            filled: plan.fills.map((f) => ({
              id: f.id,
              fields: Object.entries(f)
                .filter(([k, v]) => k !== 'id' && v !== null)
                .map(([k]) => k),
            })),
          },
        });
      }),
    );
    return { checks, result: { ...result, summary: plan.summary, preview: plan.preview } };
  }

  return {
    template: beneficiaryTemplate,
    async importList(ctx: ActorContext, upload: ImportUpload, dryRun: boolean, opts: ImportOptions) {
      return (await run(ctx, upload, dryRun, opts)).result;
    },
    /** The uploaded sheet with a 问题 column, from the dry run. */
    async problems(ctx: ActorContext, upload: ImportUpload, opts: ImportOptions): Promise<ArrayBuffer> {
      const { checks, result } = await run(ctx, upload, true, opts);
      return problemsWorkbook(checks, result);
    },
  };
}
export type BeneficiaryImport = ReturnType<typeof createBeneficiaryImport>;
