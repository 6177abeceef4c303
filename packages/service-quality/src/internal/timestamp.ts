import { TZDate } from '@date-fns/tz';

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A timestamp of the log, validated but not yet placed in a time zone. */
export interface ParsedTimestamp {
  readonly date: string;
  readonly hasTime: boolean;
  /** The instant, when the text carried an offset. */
  readonly instant?: number;
  /** The wall-clock fields, when it carried a time without an offset. */
  readonly wall?: readonly [number, number, number, number, number, number, number];
}

/** A timestamp resolved in the institution's time zone. */
export interface ResolvedTimestamp {
  /** The local date, YYYY-MM-DD. */
  readonly date: string;
  /** The instant in ms since the epoch; absent for a date without a time. */
  readonly instant?: number;
}

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:mm[:ss[.fff]]` (local wall-clock
 * time of the institution) or the same with `Z` or `±HH:mm` (an instant).
 * Returns `undefined` for anything else, including impossible dates.
 */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return undefined;
  }
  const date = `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`;
  if (m[4] === undefined) {
    return { date, hasTime: false };
  }
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (h > 23 || min > 59 || s > 59) return undefined;
  const offset = m[8];
  if (offset !== undefined) {
    let offsetMinutes = 0;
    if (offset !== 'Z') {
      const digits = offset.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      const oh = Number(digits.slice(1, 3));
      const om = Number(digits.slice(3, 5));
      if (oh > 23 || om > 59) return undefined;
      offsetMinutes = sign * (oh * 60 + om);
    }
    const instant = Date.UTC(y, mo - 1, d, h, min, s, ms) - offsetMinutes * 60_000;
    return { date, hasTime: true, instant };
  }
  return { date, hasTime: true, wall: [y, mo - 1, d, h, min, s, ms] };
}

/** Places a parsed timestamp in an IANA time zone: its local date and its instant. */
export function resolveTimestamp(parsed: ParsedTimestamp, timeZone: string): ResolvedTimestamp {
  if (parsed.instant !== undefined) {
    return { date: localDateOf(parsed.instant, timeZone), instant: parsed.instant };
  }
  if (parsed.wall !== undefined) {
    const [y, mo, d, h, min, s, ms] = parsed.wall;
    return { date: parsed.date, instant: new TZDate(y, mo, d, h, min, s, ms, timeZone).getTime() };
  }
  return { date: parsed.date };
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: number, timeZone: string): string {
  const local = new TZDate(instant, timeZone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(local.getFullYear()).padStart(4, '0')}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** Minutes since local midnight and the ISO weekday (1 = Monday) of an instant in a time zone. */
export function localClock(
  instant: number,
  timeZone: string,
): { readonly minutes: number; readonly weekday: number } {
  const local = new TZDate(instant, timeZone);
  return {
    minutes: local.getHours() * 60 + local.getMinutes() + local.getSeconds() / 60,
    weekday: ((local.getDay() + 6) % 7) + 1,
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function epochDay(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
      86_400_000,
  );
}

/** The YYYY-MM-DD date of a day number since 1970-01-01. */
export function fromEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
