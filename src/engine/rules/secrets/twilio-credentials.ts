import { tokenRule } from './tokenRule';
import { nameBefore, textBefore } from './util';

/** Twilio auth token or API key: a provider-format secret (see docs/rules/secrets/twilio-credentials.md). */
export default tokenRule({
  id: 'secrets/twilio-credentials',
  title: 'Twilio auth token or API key',
  description:
    "A Twilio auth token (with the account SID) or API key controls the account: send SMS and calls billed to you, read message logs with customers' phone numbers, buy numbers.",
  pattern: /\b(SK[0-9a-f]{32}|[0-9a-f]{32})\b/g,
  keywords: ['twilio'],
  minEntropy: 3,
  envName: 'TWILIO_AUTH_TOKEN',
  /** A bare 32-hex value is a Twilio auth token only by its name or right after an account SID. */
  validate(value, ctx, index) {
    if (value.startsWith('SK')) return true;
    const name = nameBefore(ctx, index) ?? '';
    if (/auth_?token|authtoken|twilio\w{0,20}(?:token|secret)|api_?secret/i.test(name)) return true;
    return /\bAC[0-9a-f]{32}\b["'\s]{0,3},\s{0,4}["']?$/.test(textBefore(ctx, index, 120));
  },
  bad: [
    {
      path: 'sms.py',
      text: 'from twilio.rest import Client\nclient = Client("AC4468ae1cc4692bf18fdc9967b1ea6684", "77e46fad9edf53c1e29759f87e7e8e49")\n',
    },
    {
      path: 'src/sms.ts',
      text: "import twilio from 'twilio';\nconst twilioAuthToken = '77e46fad9edf53c1e29759f87e7e8e49';\n",
      fixed: "import twilio from 'twilio';\nconst twilioAuthToken = process.env.TWILIO_AUTH_TOKEN;\n",
    },
    {
      path: 'config/twilio.yml',
      text: 'twilio:\n  api_key: SK4204dd8a429824975bf938850c8487e6\n',
    },
  ],
  good: [
    {
      path: 'sms.py',
      text: 'from twilio.rest import Client\nclient = Client("AC4468ae1cc4692bf18fdc9967b1ea6684", os.environ["TWILIO_AUTH_TOKEN"])\n',
    },
    {
      path: 'src/sms.ts',
      text: "// twilio message ids\nconst messageSid = 'SM3e8d01f258e628a4432c0ae0f5754091';\nconst checksum = '971db6222319c0e34559c245707180a6';\n",
    },
  ],
});
