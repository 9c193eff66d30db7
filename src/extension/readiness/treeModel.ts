import {
  PHASES,
  type ItemResult,
  type ItemStatus,
  type Phase,
  type PlanToday,
} from '../../engine/roadmap';

/**
 * The pure shape of the "Audit Readiness" and "30-Day Plan" views, built from the roadmap's
 * evaluated items. No `vscode` here: the tree providers only map these to `TreeItem`s, and the
 * unit tests check the shape in plain Node.
 */

/** A phase with its items, or (Controls) its groups of items. */
export interface PhaseModel {
  phase: Phase;
  title: string;
  groups: { title: string; items: ItemResult[] }[];
  /** Items not in a group, in roadmap order. */
  items: ItemResult[];
  done: number;
  applicable: number;
  failing: number;
}

/** Phases in roadmap order; items keep their roadmap order inside phase and group. */
export function buildPhases(results: readonly ItemResult[]): PhaseModel[] {
  return PHASES.map(({ id, title }) => {
    const mine = results.filter((r) => r.item.phase === id);
    const groups: PhaseModel['groups'] = [];
    for (const r of mine) {
      if (!r.item.group) continue;
      let g = groups.find((x) => x.title === r.item.group);
      if (!g) groups.push((g = { title: r.item.group, items: [] }));
      g.items.push(r);
    }
    const applicable = mine.filter((r) => r.status !== 'not-applicable');
    return {
      phase: id,
      title,
      groups,
      items: mine.filter((r) => !r.item.group),
      done: applicable.filter(isDone).length,
      applicable: applicable.length,
      failing: mine.filter((r) => r.status === 'failing').length,
    };
  }).filter((p) => p.items.length + p.groups.length > 0);
}

export function isDone(r: ItemResult): boolean {
  return r.status === 'passing' || r.status === 'attested';
}

/** The view's badge: how many items fail. */
export function failingCount(results: readonly ItemResult[]): number {
  return results.filter((r) => r.status === 'failing').length;
}

/** Codicon and theme colour per status (ThemeIcon ids; colours are theme colour ids). */
export const STATUS_ICON: Record<ItemStatus, { icon: string; color?: string; label: string }> = {
  passing: { icon: 'pass-filled', color: 'testing.iconPassed', label: 'Passing' },
  failing: { icon: 'error', color: 'testing.iconFailed', label: 'Failing' },
  attested: { icon: 'verified-filled', color: 'charts.blue', label: 'Attested' },
  'not-applicable': {
    icon: 'circle-slash',
    color: 'descriptionForeground',
    label: 'Not applicable',
  },
  todo: { icon: 'circle-large-outline', label: 'To do' },
};

/**
 * Whether the item shows a checkbox, and its state: attestable items a person can still
 * decide (not passing on evidence, not marked not applicable); checked when attested.
 */
export function checkboxOf(r: ItemResult): 'checked' | 'unchecked' | undefined {
  if (!r.attestable || r.status === 'not-applicable') return undefined;
  if (r.status === 'attested') return 'checked';
  return r.status === 'passing' ? undefined : 'unchecked';
}

/**
 * `contextValue` of an item node, read by the `view/item/context` menus: words for what can be
 * done (`attestable`, `attested`, `na`, `evidence`).
 */
export function itemContext(r: ItemResult): string {
  const words = ['item'];
  if (r.attestable && r.status !== 'attested' && r.status !== 'not-applicable')
    words.push('attestable');
  if (r.attestation) words.push(r.attestation.status === 'attested' ? 'attested' : 'na');
  else words.push('applicable');
  const check = r.item.check.kind;
  if (
    check === 'findings' ||
    check === 'history' ||
    check === 'policy' ||
    check === 'questionnaire'
  )
    words.push('evidence');
  return words.join(' ');
}

/** Tooltip: why the auditor asks, and how the tool checks it. */
export function itemTooltip(r: ItemResult): string {
  const plan = `30-day plan: days ${r.item.days[0]}–${r.item.days[1]}`;
  return `${r.item.title}\n\n${STATUS_ICON[r.status].label}: ${r.evidence}\n\nWhy: ${r.item.why}\n\nHow it is checked: ${r.item.how}\n${plan}`;
}

/** What the "30-Day Plan" view shows. */
export interface PlanModel {
  heading: string;
  today: ItemResult[];
  overdue: ItemResult[];
}

export function planModel(plan: PlanToday): PlanModel {
  const heading =
    plan.day < 1
      ? `Starts on ${plan.start}`
      : plan.day > 30
        ? `Plan finished (day ${plan.day}, started ${plan.start})`
        : `Day ${plan.day} of 30`;
  return { heading, today: plan.day > 30 ? [] : plan.focus, overdue: plan.overdue };
}

/** "62% ready · 3 failing" for the view description. */
export function scoreText(score: number, failing: number): string {
  return `${score}% ready${failing > 0 ? ` · ${failing} failing` : ''}`;
}
