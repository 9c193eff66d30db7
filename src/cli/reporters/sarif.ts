import { buildSarif } from '../../engine/report';
import type { Reporter } from './index';

/** `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers). */
export const sarifReporter: Reporter = {
  format: 'sarif',
  render(input) {
    return `${JSON.stringify(buildSarif(input), null, 2)}\n`;
  },
};
