import type { Db } from '../../db/database';
import type { Attachments } from '../../platform/files/attachments';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { ProcurementLookup } from '../purchasing';
import type { StationLookup } from '../stations';
import type { ContractQuery } from '@shegong/shared';
import type { ActorContext } from '../../platform/http/context';
import { exportContracts } from './contracts.export';
import { createContractReads } from './contracts.reads';
import { createContractRenewals } from './contracts.renewal';
import { signContract } from './contracts.signing';

/**
 * R-CON-1…3: contracts signed from an award, with one agreement a year and the evaluation that gates renewal.
 * Contracts build on purchasing (a contract is signed from a procurement's award, read through its lookup); purchasing
 * learns which contract came from a procurement through a port app.ts fills, so neither imports the other both ways.
 */
export interface ContractDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  procurements: ProcurementLookup;
  attachments: Attachments;
  stations: StationLookup;
  organisations: OrganisationLookup;
  /** The agreement years of a contract that have evaluation rounds: their result comes from the rounds (R-CON-2). */
  roundYears?: (contractId: string) => Promise<number[]>;
}

/** The use cases of the contracts module, each in its own file: reads, signing, renewal and publication. */
export function createContractService(d: ContractDeps) {
  const reads = createContractReads(d);
  return {
    ...reads,
    create: (ctx: Parameters<typeof signContract>[2], input: Parameters<typeof signContract>[3]) =>
      signContract(d, reads, ctx, input),
    ...createContractRenewals(d, reads),
    /** The list's contracts as an audited .xlsx. */
    exportWorkbook: (ctx: ActorContext, q: ContractQuery) => exportContracts(d, reads, ctx, q),
  };
}
export type ContractService = ReturnType<typeof createContractService>;
