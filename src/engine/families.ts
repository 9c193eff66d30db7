import type { Family, Severity } from './types';

/** Per-family facts shared by reports, the editor and the roadmap. */
export interface FamilyInfo {
  family: Family;
  title: string;
  defaultSeverity: Severity;
  /** Id of the roadmap item a finding of this family blocks. */
  roadmapItem: string;
}

export const FAMILY_INFO: Record<Family, FamilyInfo> = {
  secrets: {
    family: 'secrets',
    title: 'Hardcoded secrets',
    defaultSeverity: 'error',
    roadmapItem: 'foundation.no-hardcoded-credentials',
  },
  'insecure-http': {
    family: 'insecure-http',
    title: 'Plain HTTP',
    defaultSeverity: 'warning',
    roadmapItem: 'foundation.https-everywhere',
  },
  'weak-tls': {
    family: 'weak-tls',
    title: 'Weak TLS',
    defaultSeverity: 'warning',
    roadmapItem: 'controls.tls-1-2-only',
  },
  'body-logging': {
    family: 'body-logging',
    title: 'Bodies and credentials in logs',
    defaultSeverity: 'warning',
    roadmapItem: 'visibility.no-bodies-in-logs',
  },
};
