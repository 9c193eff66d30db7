import { tokenRule } from './tokenRule';

/** Telegram bot token: a provider-format secret (see docs/rules/secrets/telegram-bot-token.md). */
export default tokenRule({
  id: 'secrets/telegram-bot-token',
  title: 'Telegram bot token',
  description:
    'A Telegram bot token controls the bot: read the messages sent to it, send messages to its users and groups, and change its webhook to intercept all of its traffic.',
  pattern: /(?<![0-9])(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
  keywords: [':aa'],
  keywordIn: { before: 10, after: 40 },
  minEntropy: 3.5,
  envName: 'TELEGRAM_BOT_TOKEN',
  bad: [
    { path: 'notify.sh', text: 'curl -s "https://api.telegram.org/bot7208685015:AAHuQPSwdHeGniJkka9tzoUeNB9EieTxBUf/sendMessage" -d chat_id=42\n' },
    {
      path: 'bot.py',
      text: 'TELEGRAM_BOT_TOKEN = "7208685015:AAHuQPSwdHeGniJkka9tzoUeNB9EieTxBUf"\n',
      fixed: 'import os\nTELEGRAM_BOT_TOKEN = os.environ["TELEGRAM_BOT_TOKEN"]\n',
    },
  ],
  good: [
    { path: 'bot.py', text: 'URL = f"https://api.telegram.org/bot{TOKEN}/sendMessage"\n' },
    { path: 'bot.py', text: 'TELEGRAM_BOT_TOKEN = os.environ["TELEGRAM_BOT_TOKEN"]\n' },
  ],
});
