/**
 * "Today" for every rule (DESIGN §4, Time): the calendar date in Asia/Shanghai, from one Clock passed to whoever
 * needs it. Nothing else reads the system date, so tests can pin the date and run the suite years ahead.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
  today(): string;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Shanghai calendar date of an instant (China has no daylight saving time). */
export const shanghaiDate = (d: Date): string => new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** Shanghai local date and time of an instant, `YYYY-MM-DD HH:mm:ss`, for documents and exports. */
export const shanghaiDateTime = (d: Date): string =>
  new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** The system clock: what production runs on. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiDate(new Date()),
};

/** A clock whose date is set (noon in Shanghai on that day) and then runs on, for tests and `SHEGONG_TODAY`. */
export interface SettableClock extends Clock {
  set(date: string): void;
}

export function fixedClock(date: string): SettableClock {
  let offset = 0;
  const set = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`clock date must be YYYY-MM-DD, got ${d}`);
    offset = Date.parse(`${d}T12:00:00+08:00`) - systemClock.now().getTime();
  };
  set(date);
  return {
    now: () => new Date(systemClock.now().getTime() + offset),
    today: () => shanghaiDate(new Date(systemClock.now().getTime() + offset)),
    set,
  };
}
