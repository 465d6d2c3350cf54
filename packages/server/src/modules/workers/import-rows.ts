import type { ImportResult } from '@shegong/shared';
import type { ActorContext } from '../../platform/http/context';
import type { ImportChecks } from '../../platform/http/import-checks';
import type { ColumnSpec } from '../../platform/http/import-spec';
import { problemsWorkbook } from '../../platform/http/import-workbooks';
import type { ImportUpload } from '../../platform/http/xlsx-upload';

/** The citizen ID column both imports match people by (R-STAFF-1), with the names offices give it. */
export const ID_COLUMN: ColumnSpec = {
  column: '身份证号',
  kind: 'id',
  required: true,
  synonyms: ['身份证', '身份证号码', '公民身份号码', '公民身份证号码', '身份证件号码', '证件号码', '证件号'],
};
export const NAME_SYNONYMS = ['社工姓名', '人员姓名', '职工姓名'];

/** One import's check: the dry run and the commit run it alike (`dryRun` decides whether it writes). */
export type ImportRun<A extends unknown[]> = (
  ctx: ActorContext,
  upload: ImportUpload,
  dryRun: boolean,
  ...args: A
) => Promise<{ checks: ImportChecks; result: ImportResult }>;

/**
 * The two endpoints of an import from its one check: the answer (dry run or commit), and the problems download —
 * the uploaded sheet with a 问题 column, from the dry run.
 */
export function importEndpoints<A extends unknown[]>(run: ImportRun<A>) {
  return {
    run: async (ctx: ActorContext, upload: ImportUpload, dryRun: boolean, ...args: A) =>
      (await run(ctx, upload, dryRun, ...args)).result,
    async problems(ctx: ActorContext, upload: ImportUpload, ...args: A): Promise<ArrayBuffer> {
      const { checks, result } = await run(ctx, upload, true, ...args);
      return problemsWorkbook(checks, result);
    },
  };
}
