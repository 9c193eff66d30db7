import type { ItemResult } from './model';

/** The 30-day plan: which day it is and what is still open in today's window. */
export interface PlanToday {
  /** 1-based day of the plan; above 30 once the plan is over. */
  day: number;
  start: string;
  /** Items whose window contains today and that are not done. */
  focus: ItemResult[];
  /** Items whose window has passed and that are still not done. */
  overdue: ItemResult[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function planToday(results: readonly ItemResult[], start: string, today: string): PlanToday {
  const day = Math.floor((Date.parse(today) - Date.parse(start)) / DAY_MS) + 1;
  const open = results.filter((r) => r.status === 'failing' || r.status === 'todo');
  return {
    day,
    start,
    focus: open.filter((r) => r.item.days[0] <= day && day <= r.item.days[1]),
    overdue: open.filter((r) => r.item.days[1] < day),
  };
}
