import { tokenRule } from './tokenRule';
import { isHashLike } from '../../heuristics';
import { nameBefore, windowAround } from './util';

/** AWS secret access key: a provider-format secret (see docs/rules/secrets/aws-secret-access-key.md). */
export default tokenRule({
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
  /** Forty base64 characters are common; only near an AWS key id or an AWS-ish name is it a secret key. */
  validate(value, ctx, index) {
    if (isHashLike(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value)) return false;
    const name = nameBefore(ctx, index) ?? '';
    if (/aws|secret[_-]?access|secretaccess/i.test(name) && !/session|token|id$/i.test(name)) return true;
    return /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|aws_secret_access_key|secretaccesskey/i.test(windowAround(ctx, index, index + 40, 400));
  },
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
