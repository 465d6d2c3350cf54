import type { BeneficiaryCategory, DisabilityGrade, DisabilityKind, TekunForm } from '@shegong/shared';
import { addDays, addYears, daysBetween, type Rng } from './random';

// A person's periods in categories (R-SVC-1), chosen so that checkPeriod accepts each: a start not after today and not
// before birth, an end not before its start, children's categories started before 18 (留守儿童 before 16), elders'
// at 60 or over, 特困 with its form, 残疾人 with kind and grade, and never two overlapping periods of one category.

/** One period as the registry stores it. */
export interface PlannedPeriod {
  id: string;
  category: BeneficiaryCategory;
  tekunForm: TekunForm | null;
  disabilityKind: DisabilityKind | null;
  disabilityGrade: DisabilityGrade | null;
  startedOn: string;
  endedOn: string | null;
  source: string;
}

/** The person as the rules see them: the ID's birth date, or only an approximate birth year. */
export interface RuleAge {
  birthDate: string | null;
  birthYear: number;
}

/** The first day on which the rules count the person as `n` years old. */
export const turns = (p: RuleAge, n: number) => (p.birthDate ? addYears(p.birthDate, n) : `${p.birthYear + n}-01-01`);

const SOURCES: Partial<Record<BeneficiaryCategory, string[]>> = {
  dibao: ['县民政局低保名册', '乡镇低保花名册', '入户核实'],
  tekun: ['县民政局特困人员供养名册', '入户核实'],
  disabled: ['县残联残疾人名册', '残疾人证'],
  temporary_relief: ['乡镇临时救助审批表', '入户核实'],
  homeless: ['救助管理站转介', '巡查发现'],
};
const FIRST_RECORDS = '2012-01-01';

const DISABILITY_KIND_WEIGHTS = [
  ['physical', 40],
  ['hearing', 15],
  ['visual', 10],
  ['intellectual', 10],
  ['mental', 12],
  ['multiple', 10],
  ['speech', 3],
] as const;

export function planCategories(rng: Rng, profile: string, person: RuleAge, today: string): PlannedPeriod[] {
  const out: PlannedPeriod[] = [];
  const born = person.birthDate ?? `${person.birthYear}-01-01`;
  const floor = born > FIRST_RECORDS ? born : FIRST_RECORDS;
  const add = (
    category: BeneficiaryCategory,
    window: { from?: string; to?: string } = {},
    details: Partial<Pick<PlannedPeriod, 'tekunForm' | 'disabilityKind' | 'disabilityGrade'>> = {},
  ) => {
    const from = window.from && window.from > floor ? window.from : floor;
    const to = window.to && window.to < today ? window.to : today;
    if (from > to) return;
    const source = rng.pick(SOURCES[category] ?? ['村（居）委会摸排', '入户核实', '社工站走访发现']);
    const base = { category, tekunForm: null, disabilityKind: null, disabilityGrade: null, source, ...details };
    const span = daysBetween(from, to);
    // 10% of the long ones have an earlier period that ended (history is added to, never overwritten).
    if (span > 400 && rng.chance(0.1)) {
      const s1 = addDays(from, rng.int(0, Math.floor(span / 3)));
      const e1 = addDays(s1, rng.int(30, Math.floor(span / 3)));
      out.push({ id: rng.uuid(), ...base, startedOn: s1, endedOn: e1 });
      const s2 = addDays(e1, rng.int(1, daysBetween(e1, to)));
      out.push({ id: rng.uuid(), ...base, startedOn: s2, endedOn: null });
      return;
    }
    const startedOn = addDays(from, rng.int(0, span));
    const endedOn = rng.chance(0.12) ? addDays(startedOn, rng.int(0, daysBetween(startedOn, today))) : null;
    out.push({ id: rng.uuid(), ...base, startedOn, endedOn });
  };
  const disabled = (grades: readonly (readonly ['1' | '2' | '3' | '4', number])[], kind?: DisabilityKind) =>
    add(
      'disabled',
      {},
      {
        disabilityKind: kind ?? rng.weighted(DISABILITY_KIND_WEIGHTS),
        disabilityGrade: rng.weighted(grades),
      },
    );
  const anyGrade = [
    ['1', 15],
    ['2', 25],
    ['3', 30],
    ['4', 30],
  ] as const;
  const elder = { from: turns(person, 60) };
  const child = { to: addDays(turns(person, 18), -1) };
  switch (profile) {
    case 'elder': {
      const tekun = rng.chance(0.15);
      if (tekun) add('tekun', elder, { tekunForm: rng.chance(0.3) ? 'centralised' : 'dispersed' });
      else if (rng.chance(0.45)) add('dibao');
      if (rng.chance(0.45)) add('hardship_elder', elder);
      if (rng.chance(0.35)) add('left_behind_elder', elder);
      if (rng.chance(0.12)) disabled(anyGrade);
      if (!out.length) add('hardship_elder', elder);
      break;
    }
    case 'child': {
      const r = rng.next();
      if (r < 0.06) add('orphan', child);
      else if (r < 0.15) add('unsupported_child', child);
      else if (r < 0.55) add('left_behind_child', { to: addDays(turns(person, 16), -1) });
      if (!out.length || rng.chance(0.35)) add('distressed_child', child);
      if (!out.length) add('distressed_child', child);
      if (rng.chance(0.3)) add('dibao');
      if (rng.chance(0.05)) disabled(anyGrade);
      break;
    }
    case 'disabled':
      if (rng.chance(0.1)) {
        disabled([
          ['1', 50],
          ['2', 50],
        ]);
        add('tekun', {}, { tekunForm: rng.chance(0.4) ? 'centralised' : 'dispersed' });
      } else {
        disabled(anyGrade);
        if (rng.chance(0.4)) add('dibao');
      }
      break;
    case 'dibao':
      add('dibao');
      if (rng.chance(0.1)) add('temporary_relief');
      if (rng.chance(0.08)) disabled(anyGrade);
      break;
    case 'woman':
      add('left_behind_woman');
      if (rng.chance(0.15)) add('dibao');
      break;
    case 'temporary':
      add('temporary_relief');
      if (rng.chance(0.2)) add('dibao');
      break;
    case 'homeless':
      add('homeless', { from: addDays(today, -3 * 365) });
      if (rng.chance(0.2)) add('temporary_relief', { from: addDays(today, -3 * 365) });
      break;
    case 'mental':
      add('mental_disorder');
      if (rng.chance(0.4)) disabled(anyGrade, 'mental');
      if (rng.chance(0.3)) add('dibao');
      break;
    case 'correction':
      add('community_correction', { from: addDays(today, -4 * 365) });
      break;
    case 'drug':
      add('drug_rehab', { from: addDays(today, -5 * 365) });
      break;
    default:
      add('other');
  }
  if (!out.length) add('other');
  return out;
}
