import { HEALTH_CATEGORIES, isMinor, type BeneficiaryCategory } from '@shegong/shared';
import { can, seesNamesInClear, type Actor } from '../../platform/auth/actor';

// Who may do what with one beneficiary (R-SCOPE-2). Records reach these checks already scoped by the repository:
// a social worker's stations today, a contractor's covered stations, an officer's division.

/** The facts of a record the policy needs. */
export interface PolicyFacts {
  birthDate: string | null;
  birthYear: number | null;
  /** The responsible worker at the registering station and at every linked station. */
  workerIds: (string | null)[];
  /** Every category the person has ever been in (a health category stays sensitive after it ends). */
  categories: BeneficiaryCategory[];
}

/** A minor, or a person in a health category: sensitive personal information (PIPL 28). */
export const isSensitive = (f: PolicyFacts, today: string) =>
  isMinor(f, today) || f.categories.some((c) => HEALTH_CATEGORIES.includes(c));

/** The social worker responsible for the person (at the registering station or a linked one). */
export const isResponsible = (actor: Actor, f: PolicyFacts) => !!actor.workerId && f.workerIds.includes(actor.workerId);

/**
 * R-SCOPE-2: a sensitive record (minor, health) is shown only to the responsible worker, the project lead and the
 * county officer (`beneficiaries:sensitive`); anyone else in scope sees that it exists, and nothing more.
 */
export const isRestricted = (actor: Actor, f: PolicyFacts, today: string) =>
  isSensitive(f, today) && !can(actor, 'beneficiaries:sensitive') && !isResponsible(actor, f);

/** ID number, phone, exact address and birth date in clear: the station's own staff (`beneficiaries:pii`). */
export const seesPii = (actor: Actor, f: PolicyFacts, today: string) =>
  can(actor, 'beneficiaries:pii') && !isRestricted(actor, f, today);

/** Names in lists and exports: in clear for station and organisation staff, initials for upper levels. */
export const seesNames = (actor: Actor) => seesNamesInClear(actor);

/** Officers unmask one record at a time with a reason (audited); never a record withheld from them. */
export const canUnmask = (actor: Actor, f: PolicyFacts, today: string) =>
  can(actor, 'beneficiaries:unmask') && !seesPii(actor, f, today) && !isRestricted(actor, f, today);

/** Register, change, add categories, risk and consents: the station's staff, for records they may see. */
export const canChange = (actor: Actor, f: PolicyFacts, today: string) =>
  can(actor, 'beneficiaries:write') && actor.scope.kind !== 'division' && !isRestricted(actor, f, today);
