import { tokenRule } from './tokenRule';

/** Google Cloud service-account key: a provider-format secret (see docs/rules/secrets/gcp-service-account-key.md). */
export default tokenRule({
  id: 'secrets/gcp-service-account-key',
  title: 'Google Cloud service-account key',
  description:
    'A service-account key file (JSON with "type": "service_account" and a "private_key") lets anyone act as that service account in Google Cloud, with every role granted to it, until the key is deleted.',
  remediation:
    'Delete the key in IAM (Service accounts → Keys), remove the file from the repository (git rm --cached, add it to .gitignore), and use workload identity or a secret manager instead.',
  pattern: /"private_key"\s{0,4}:\s{0,4}"(-----BEGIN (?:RSA )?PRIVATE KEY-----[^"]{64,8000})"/g,
  keywords: ['service_account'],
  envName: 'GOOGLE_APPLICATION_CREDENTIALS',
  validate(_value, ctx) {
    return /"type"\s{0,4}:\s{0,4}"service_account"/.test(ctx.text);
  },
  messageOf: () =>
    'Google Cloud service-account key committed: delete the key in IAM, remove the file (git rm --cached, add to .gitignore) and use workload identity or a secret manager.',
  bad: [
    {
      path: 'config/gcp-sa.json',
      text: '{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "50394ff8ba5090b71d5581b3d7519969f10add68",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nDA4V1dLGSBJuR5IAoae5mzUw0zm6+q4UwCBS472nsXbkTd2j//sJLUHXQyl53BvZ\\nrtwiOwS4zOTzXBwjEt9gUW8HdHQTorifGzuD8n7Y7JWy+LVb5J28S9hqKXdopRBX\\n31YNkSnoH1BMMjgc5NMcywksZF7yRs5RmZM2C0Dk\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "deployer@acme-prod.iam.gserviceaccount.com"\n}\n',
    },
  ],
  good: [
    {
      path: 'config/gcp-sa.json',
      text: '{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"\n}\n',
    },
    {
      path: 'config/gcp-sa.json',
      text: '{\n  "type": "authorized_user",\n  "client_id": "acme.apps.googleusercontent.com"\n}\n',
    },
  ],
});
