import { tokenRule } from './tokenRule';
import { textBefore } from './util';

/** Azure shared access signatures: the `sig=` of a URL or connection string that also has `sv=`. */
export default tokenRule({
  id: 'secrets/azure-sas-token',
  title: 'Azure shared access signature (SAS)',
  description:
    'A SAS URL or token grants the permissions it was signed with (often read, write, delete and list on a whole storage account) until it expires — frequently years later — and cannot be revoked individually unless it is tied to a stored access policy.',
  pattern: /[?&;]sig=([A-Za-z0-9%+/=]{30,120})/g,
  keywords: ['sig='],
  minEntropy: 3.5,
  envName: 'AZURE_STORAGE_SAS_URL',
  validate(_value, ctx, index) {
    const before = textBefore(ctx, index, 400);
    return /[?&;]sv=\d{4}-\d{2}-\d{2}/.test(before) && /[?&;](?:se|sp|srt|ss)=/.test(before);
  },
  bad: [
    {
      path: 'src/upload.ts',
      text: "const containerUrl = 'https://acmeprod.blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2027-12-31T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=k3J9xQ2mLp7vR4tZ8wB1yN6cH5jD0sA2eU9iO4kPq8E%3D';\n",
    },
  ],
  good: [
    { path: 'src/upload.ts', text: "const containerUrl = `${base}/uploads?${await sasFor('uploads')}`;\n" },
    { path: 'docs/azure.md', text: 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>\n' },
  ],
});
