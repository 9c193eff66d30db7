import type { ReportInput } from '../../engine/report';
import { jsonReporter } from './json';
import { sarifReporter } from './sarif';
import { textReporter } from './text';

export interface RenderOptions {
  color: boolean;
  /** List every skipped file (text format; JSON and SARIF always carry the counts). */
  showSkipped: boolean;
}

/** One output format of `scan`; renders a whole report to a string. */
export interface Reporter {
  format: string;
  render(input: ReportInput, options: RenderOptions): string;
}

export const REPORTERS: readonly Reporter[] = [textReporter, jsonReporter, sarifReporter];

export function reporterFor(format: string): Reporter | undefined {
  return REPORTERS.find((r) => r.format === format);
}
