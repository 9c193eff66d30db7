import type { ScanContext } from '../../context';
import { envVarFix } from '../../fixes';
import { entropy, isDocumentedExample, isHashLike, isPlaceholder } from '../../heuristics';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { execInWindows, unionWindows } from '../../windows';
import { HAND_MADE, MAX_MATCHES_PER_RULE, tokenRule } from './tokenRule';
import { nameBefore, windowAround } from './util';

/**
 * Where `validate` can accept a value, as windows (the `near` of the rule below): after an
 * AWS-ish name (`aws`, `secret_access`, up to 130 characters on) or within 450 characters of a
 * key id or the standard key name. Built from the offsets of `aws`, `secret(_|-)access`, `akia` and `asia`
 * that the keyword pass records (the rule's anchors), each confirmed with a sticky regex, instead
 * of running the two context regexes over the whole text. The windows may hold more than those of
 * `near` (never less): `validate` accepts no value outside them, so the findings are the same.
 */
const AWS_NAME = /aws|secret[_-]?access/iy;
/** Where an AWS_NAME (and a KEY_NEAR other than a key id) match can start: at one of these. */
const AWS_WORDS = ['aws', 'secretaccess', 'secret_access', 'secret-access'];
const KEY_NEAR = /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|aws_secret_access_key|secretaccesskey/iy;

function windowsOf(ctx: ScanContext): [number, number][] {
  const text = ctx.text;
  const n = text.length;
  const raw: [number, number][] = [];
  const add = (re: RegExp, at: number, before: number, after: number): void => {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) raw.push([Math.max(0, at - before), Math.min(n, at + m[0].length + after)]);
  };
  for (const word of AWS_WORDS) {
    const starts = ctx.anchors(word);
    for (let i = 0; i < starts.length; i++) {
      add(AWS_NAME, starts[i], 0, 130);
      add(KEY_NEAR, starts[i], 450, 450);
    }
  }
  for (const word of ['akia', 'asia']) {
    const starts = ctx.anchors(word);
    for (let i = 0; i < starts.length; i++) add(KEY_NEAR, starts[i], 450, 450);
  }
  return unionWindows([raw]);
}

/** Forty base64 characters are common; only near an AWS key id or an AWS-ish name is it a secret key. */
function validate(value: string, ctx: ScanContext, index: number): boolean {
  if (isHashLike(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value)) return false;
  const name = nameBefore(ctx, index) ?? '';
  if (/aws|secret[_-]?access|secretaccess/i.test(name) && !/session|token|id$/i.test(name)) return true;
  return /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|aws_secret_access_key|secretaccesskey/i.test(windowAround(ctx, index, index + 40, 400));
}

/** AWS secret access key: a provider-format secret (see docs/rules/secrets/aws-secret-access-key.md). */
const rule = tokenRule({
  id: 'secrets/aws-secret-access-key',
  title: 'AWS secret access key',
  description:
    'An AWS secret access key signs API requests for its access key ID: together they act as the IAM user or role. Leaked pairs are harvested from public code within minutes and used to run up compute bills or read S3 data.',
  pattern: /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
  keywords: ['aws', 'secretaccesskey', 'secret_access_key', 'akia', 'asia'],
  minEntropy: 4,
  envName: 'AWS_SECRET_ACCESS_KEY',
  // `validate` needs an AWS-ish name just before the value (on its line) or a key id or the
  // standard key name within 400 characters.
  near: [
    { anchor: /aws|secret[_-]?access/gi, before: 0, after: 130 },
    { anchor: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|aws_secret_access_key|secretaccesskey/gi, before: 450, after: 450 },
  ],
  validate,
  bad: [
    {
      path: 'scripts/upload.py',
      text: 'AWS_SECRET_ACCESS_KEY = "tqCgybzAVITKCRplbU/AKjLPpIhV2+wkjOcnfX7O"\n',
      fixed: 'import os\nAWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]\n',
    },
    {
      path: '.aws/credentials',
      text: '[default]\naws_access_key_id = AKIADHVFZZ25V4RQPT5M\naws_secret_access_key = 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\n',
    },
    {
      path: 'src/s3.js',
      text: "const s3 = new AWS.S3({ accessKeyId: 'AKIADHVFZZ25V4RQPT5M', secretAccessKey: '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' });\n",
    },
  ],
  good: [
    {
      path: 'src/assets.ts',
      text: "const logo = 'data:image/png;base64,p7jb9tociIr5Hex72N4bLsU1dBU7HrAe3GGbmKkq';\n",
    },
    {
      path: 'scripts/upload.py',
      text: 'AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]\n',
    },
    {
      path: 'docs/aws.md',
      text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    },
  ],
});

const PATTERN = /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

/**
 * The rule above (metadata, examples, `validate`), with tokenRule's detector loop run in the
 * windows of `windowsOf` instead of those of `near` (tokenRule builds those with two regex passes
 * over the whole text).
 */
export default defineRule({
  ...rule,
  anchors: [...AWS_WORDS, 'akia', 'asia'],
  detect(ctx) {
    const out: RuleMatch[] = [];
    execInWindows(PATTERN, ctx.text, windowsOf(ctx), (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const value = m[1];
      const start = m.index;
      const end = start + value.length;
      if (isPlaceholder(value) || isDocumentedExample(value) || HAND_MADE.test(value)) return;
      if (entropy(value) < 4 || !validate(value, ctx, start)) return;
      out.push({
        start,
        end,
        value,
        severity: undefined,
        message: `${rule.title} hardcoded: move it to an environment variable and rotate it.`,
        fixes: envVarFix(ctx, start, end, value, 'AWS_SECRET_ACCESS_KEY'),
      });
    });
    return out;
  },
});
