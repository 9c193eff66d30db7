// @ts-check
// Headless Debian Chromium driven by playwright-core, with every connection kept on 127.0.0.1:
// the resolver maps every other name to NOTFOUND and any request to another host is aborted.
const { chromium } = require('playwright-core');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * Launches the browser and a context whose requests can only reach the loopback host.
 * @param {string} executablePath
 */
async function launchBrowser(executablePath) {
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    const local = hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:';
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  return { browser, context };
}

module.exports = { launchBrowser };
