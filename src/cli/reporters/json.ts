import { buildJsonReport } from '../../engine/report';
import type { Reporter } from './index';

/** `--format json`: the stable JSON schema of `engine/report/json.ts`, pretty-printed. */
export const jsonReporter: Reporter = {
  format: 'json',
  render(input) {
    return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
  },
};
