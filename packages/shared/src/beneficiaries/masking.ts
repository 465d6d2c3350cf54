import { ageOn } from '../ids/citizen-id';
import { ADULT_AGE } from './categories';

// Masking and age facts for beneficiaries that server and web share (R-SCOPE-2).

/** `张*明`, `张*`: what upper levels see of a name in lists and exports (DESIGN §4: initials for upper levels). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('') || '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** An exact address hidden; the village (kept in its own field) is enough to find the person's area. */
export const maskAddress = (address: string) => (address.trim() ? '******' : '');

/** Age on a date from the ID's birth date, or approximately from the birth year of a person without ID. */
export function ageOf(p: { birthDate: string | null; birthYear: number | null }, today: string): number | null {
  if (p.birthDate) return ageOn(p.birthDate, today);
  if (p.birthYear) return Number(today.slice(0, 4)) - p.birthYear;
  return null;
}

/** A minor needs a guardian on record and makes the record sensitive (民法典 17, PIPL 28). */
export function isMinor(p: { birthDate: string | null; birthYear: number | null }, today: string): boolean {
  const age = ageOf(p, today);
  return age !== null && age < ADULT_AGE;
}
