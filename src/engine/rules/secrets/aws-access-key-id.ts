import { tokenRule } from './tokenRule';

/** AWS access key ID: a provider-format secret (see docs/rules/secrets/aws-access-key-id.md). */
export default tokenRule({
  id: 'secrets/aws-access-key-id',
  title: 'AWS access key ID',
  description:
    'An AWS access key ID (AKIA… long-term, ASIA… temporary) identifies an IAM credential. It is half of the credential pair; where it sits the secret access key is rarely far away, and the pair gives whatever the IAM user or role may do in your AWS account.',
  pattern: /\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b/g,
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
  keywordIn: { before: 0, after: 24 },
  minEntropy: 3,
  envName: 'AWS_ACCESS_KEY_ID',
  bad: [
    {
      path: 'src/s3.ts',
      text: "const awsAccessKeyId = 'AKIAG5NBWIG4SJA3O46Q';\n",
      fixed: 'const awsAccessKeyId = process.env.AWS_ACCESS_KEY_ID;\n',
    },
    {
      path: 'deploy/config.yaml',
      text: 'aws:\n  access_key_id: ASIA37JBPG2ZKRG42ZNZ\n  region: eu-west-1\n',
    },
  ],
  good: [
    {
      path: 'src/s3.ts',
      text: "const client = new S3Client({ region: 'us-east-1' }); // key AKIAIOSFODNN7EXAMPLE in docs\n",
    },
    {
      path: 'README.md',
      text: 'Set `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE` (the AWS documentation example).\n',
    },
  ],
});
