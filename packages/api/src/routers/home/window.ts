/** "This week" on a home page: the seven days from now. */
export const WEEK_DAYS = 7;

export function inNextDays(at: Date | string, now: Date, days: number): boolean {
  const t = new Date(at).getTime();
  return t >= now.getTime() && t <= now.getTime() + days * 86_400_000;
}
