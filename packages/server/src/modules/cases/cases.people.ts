import { maskName } from '@shegong/shared';
import { seesNamesInClear, type Actor } from '../../platform/auth/actor';
import type { BeneficiaryService } from '../beneficiaries';

/** What the cases module needs to know of people: asked of the beneficiaries module, never its tables. */
export interface CasePeople {
  /** The person's name if the caller sees them and the station serves them (a link there), else null. */
  servedAt(actor: Actor, beneficiaryId: string, stationId: string): Promise<string | null>;
  /** Names as the caller may see them: in clear for station and organisation staff, initials for upper levels. */
  names(actor: Actor, ids: string[]): Promise<Map<string, string>>;
}

const shown = (actor: Actor, name: string) => (seesNamesInClear(actor) ? name : maskName(name));

export function casePeopleOf(beneficiaries: Pick<BeneficiaryService, 'load' | 'listContext'>): CasePeople {
  return {
    async servedAt(actor, beneficiaryId, stationId) {
      const row = await beneficiaries.load(actor, beneficiaryId).catch(() => null);
      if (!row) return null;
      const lc = await beneficiaries.listContext([row]);
      const links = lc.links.get(row.id) ?? [];
      return links.some((l) => l.stationId === stationId) ? shown(actor, row.name) : null;
    },
    async names(actor, ids) {
      const out = new Map<string, string>();
      // One indexed read per person of the page (a page holds at most a few dozen cases).
      for (const id of new Set(ids)) {
        const row = await beneficiaries.load(actor, id).catch(() => null);
        out.set(id, row ? shown(actor, row.name) : '（无权查看）');
      }
      return out;
    },
  };
}
