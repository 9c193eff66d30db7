import type { Attestation } from './model';

/** `.auditready/checklist.json`: attestations, rotations, and the 30-day plan's start. */
export const CHECKLIST_FILE = '.auditready/checklist.json';

export interface ChecklistState {
  version: 1;
  /** First day of the 30-day plan (YYYY-MM-DD). */
  planStart?: string;
  /** Item id → attestation or not-applicable reason. */
  items: Record<string, Attestation>;
  /** History finding fingerprint → who rotated it, when, note. */
  rotated: Record<string, { by: string; at: string; note: string }>;
}

export function emptyState(): ChecklistState {
  return { version: 1, items: {}, rotated: {} };
}

/**
 * Parses the checklist file. A malformed file gives an error and no state: callers must then
 * refuse to write (never overwrite what a person wrote without asking).
 */
export function parseChecklist(text: string): { state?: ChecklistState; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `${CHECKLIST_FILE} is not valid JSON (${(e as Error).message}); fix or remove it — it was not changed.` };
  }
  if (!isObject(raw)) return { error: `${CHECKLIST_FILE} must hold an object; it was not changed.` };
  const state = emptyState();
  if (typeof raw.planStart === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.planStart)) state.planStart = raw.planStart;
  for (const [id, a] of Object.entries(isObject(raw.items) ? raw.items : {})) {
    if (!isObject(a) || (a.status !== 'attested' && a.status !== 'not-applicable')) {
      return { error: `${CHECKLIST_FILE}: item "${id}" needs status "attested" or "not-applicable"; the file was not changed.` };
    }
    state.items[id] = {
      status: a.status,
      by: str(a.by),
      at: str(a.at),
      note: str(a.note),
      ...(typeof a.link === 'string' && a.link ? { link: a.link } : {}),
    };
  }
  for (const [fp, r] of Object.entries(isObject(raw.rotated) ? raw.rotated : {})) {
    if (isObject(r)) state.rotated[fp] = { by: str(r.by), at: str(r.at), note: str(r.note) };
  }
  return { state };
}

/** Stable key order and two-space indentation: reviewable, diff-friendly evidence. */
export function serializeChecklist(state: ChecklistState): string {
  const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const items = sortKeys(
    Object.fromEntries(
      Object.entries(state.items).map(([k, a]) => [
        k,
        { status: a.status, by: a.by, at: a.at, note: a.note, ...(a.link ? { link: a.link } : {}) },
      ]),
    ),
  );
  const rotated = sortKeys(
    Object.fromEntries(Object.entries(state.rotated).map(([k, r]) => [k, { by: r.by, at: r.at, note: r.note }])),
  );
  const out: Record<string, unknown> = { version: 1 };
  if (state.planStart) out.planStart = state.planStart;
  out.items = items;
  out.rotated = rotated;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Returns a new state with `itemId` attested (or marked not applicable). */
export function withAttestation(state: ChecklistState, itemId: string, a: Attestation): ChecklistState {
  return { ...state, items: { ...state.items, [itemId]: a } };
}

/** Returns a new state without any attestation for `itemId`. */
export function withoutAttestation(state: ChecklistState, itemId: string): ChecklistState {
  const items = { ...state.items };
  delete items[itemId];
  return { ...state, items };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
