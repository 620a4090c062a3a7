/** Today's date and the minute of the day on the Paris wall clock, whatever the machine's zone. */
export function parisNow() {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** A minute of the day as HH:MM. */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Start times (minutes of the day) for a 10-minute appointment today, nearest first: from `minutes`
 * on every 15 minutes until 23:40, then back towards midnight. Late in the evening the slots left
 * before midnight may all be taken; earlier ones of the same day still are "today".
 */
export function startsToday(minutes: number): number[] {
  const latest = 23 * 60 + 40;
  const from = Math.min(minutes, latest);
  const later = Array.from({ length: Math.floor((latest - from) / 15) + 1 }, (_, i) => from + i * 15);
  const earlier = Array.from({ length: Math.floor(from / 15) }, (_, i) => from - (i + 1) * 15);
  return [...later, ...earlier];
}
