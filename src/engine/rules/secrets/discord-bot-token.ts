import { tokenRule } from './tokenRule';

/** Discord bot token: a provider-format secret (see docs/rules/secrets/discord-bot-token.md). */
export default tokenRule({
  id: 'secrets/discord-bot-token',
  title: 'Discord bot token',
  description:
    'A Discord bot token logs in as the bot: it can read every channel the bot sees, post as it, and use its moderation permissions on every server it was added to.',
  pattern: /(?<![A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/g,
  keywords: ['discord', 'bot_token', 'bottoken'],
  minEntropy: 3.5,
  envName: 'DISCORD_TOKEN',
  bad: [
    {
      path: 'bot.js',
      text: "const { Client } = require('discord.js');\nclient.login('MTxr5YK2Gg0SFzPF6hDAqWRQ.as3L_W.lIh4VS9r230NCB3ChO84Rk_l2hYStdUye2oNQq');\n",
      fixed: "const { Client } = require('discord.js');\nclient.login(process.env.DISCORD_TOKEN);\n",
    },
    {
      path: 'bot.py',
      text: 'import discord\nBOT_TOKEN = "MTxr5YK2Gg0SFzPF6hDAqWRQ.as3L_W.lIh4VS9r230NCB3ChO84Rk_l2hYStdUye2oNQq"\n',
    },
  ],
  good: [
    {
      path: 'bot.js',
      text: "const { Client } = require('discord.js');\nclient.login(process.env.DISCORD_TOKEN);\n",
    },
  ],
});
