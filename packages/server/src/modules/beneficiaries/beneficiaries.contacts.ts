import { maskName, type BeneficiaryCategory } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { fieldError } from '../../platform/http/errors';
import { contactsRepository as repo, type ContactDates } from './beneficiaries-contacts.repository';
import { isRestricted, isSensitive, seesNames, type PolicyFacts } from './beneficiaries.policy';
import type { BeneficiaryDeps } from './beneficiaries.reads';

// What the services module asks of the registry (R-SVC-2, R-SVC-5, R-SCOPE-2), inside its own transaction: are the
// people named served by the record's station, the last service and home-visit date of each person, and how a
// record's people are shown to a caller (names masked for upper levels, a restricted person's name withheld).

export type { ContactDates };

/** A person on a record as one caller may see them. */
export interface RecordPerson {
  id: string;
  name: string;
  /** The caller sees only that a person was served (sensitive, and not the responsible worker, lead or county). */
  restricted: boolean;
  /** A minor or a health record: a clear read of what was done for them is an audited read (R-SCOPE-2). */
  sensitive: boolean;
}

type PersonFacts = Awaited<ReturnType<ReturnType<typeof repo.preparedRecordPeople>>>[number];

/** R-SCOPE-2: each person as one caller may see them (the policy's facts only: birth, the links' workers, categories). */
function asSeenBy(actor: Actor, rows: PersonFacts[], today: string): Map<string, RecordPerson> {
  const out = new Map<string, RecordPerson>();
  for (const r of rows) {
    const facts: PolicyFacts = {
      birthDate: r.birthDate,
      birthYear: r.birthYear,
      workerIds: r.workerIds,
      categories: r.categories as BeneficiaryCategory[],
    };
    const restricted = isRestricted(actor, facts, today);
    out.set(r.id, {
      id: r.id,
      name: restricted || !seesNames(actor) ? maskName(r.name) : r.name,
      restricted,
      sensitive: isSensitive(facts, today),
    });
  }
  return out;
}

export function createBeneficiaryContacts(d: BeneficiaryDeps) {
  const recordPeople = repo.preparedRecordPeople(d.db);
  return {
    /**
     * R-SVC-2: every person named is served by the station (a live link, the person not archived); otherwise a 400
     * naming 服务对象 and nothing written. A person of another station is answered like one that does not exist.
     * Answers the people as the caller may see them (the record's answer needs no second read).
     */
    async checkServed(actor: Actor, stationId: string, beneficiaryIds: string[]): Promise<Map<string, RecordPerson>> {
      const ids = [...new Set(beneficiaryIds)];
      if (ids.length === 0) return new Map();
      const rows = await recordPeople(ids);
      const served = rows.filter((r) => !r.archived && r.stationIds.includes(stationId));
      const missing = ids.length - served.length;
      if (missing)
        throw fieldError(
          'beneficiaryIds',
          `有 ${missing} 人不是本站的服务对象（或不存在）：请先在服务对象中登记或关联到本站`,
        );
      return asSeenBy(actor, rows, d.clock.today());
    },

    /**
     * A new record's people (R-SVC-5): the last service and, for a home visit, the last visit move forward only, so
     * a late-entered older record never moves them back. A step of the record's one statement (its WITH clause), run
     * once `after` is evaluated. `people` are distinct and in id order — the order `resetContacts` locks them in, so
     * two writes naming the same people cannot deadlock; each parameter a value or a prepared statement's placeholder.
     */
    recordContactsStep(...step: Parameters<typeof repo.advanceStep>) {
      return repo.advanceStep(...step);
    },

    /**
     * After a record was changed or withdrawn: the dates as the remaining records give them (null when none).
     * `recompute` reads those records after the people's rows are locked, so a record of theirs being written at the
     * same moment (which holds the row until it commits) is either seen or applies its own date afterwards.
     */
    async resetContacts(
      tx: DbOrTx,
      beneficiaryIds: string[],
      recompute: (ids: string[]) => Promise<ContactDates[]>,
    ): Promise<void> {
      const ids = [...new Set(beneficiaryIds)].sort();
      if (ids.length === 0) return;
      await repo.lock(tx, ids);
      await repo.reset(tx, await recompute(ids));
    },

    /**
     * R-SCOPE-2: the people of records as the caller may see them: names in clear for station and organisation
     * staff, initials for upper levels, initials and nothing more for a restricted (sensitive) person.
     */
    async peopleOf(actor: Actor, beneficiaryIds: string[]): Promise<Map<string, RecordPerson>> {
      const ids = [...new Set(beneficiaryIds)];
      if (ids.length === 0) return new Map();
      return asSeenBy(actor, await recordPeople(ids), d.clock.today());
    },
  };
}
export type BeneficiaryContacts = ReturnType<typeof createBeneficiaryContacts>;
