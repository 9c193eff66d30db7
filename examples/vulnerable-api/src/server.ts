// Orders API: the Express service the mobile app talks to.
import express from 'express';
import https from 'node:https';
import pino from 'pino';
import Stripe from 'stripe';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const app = express();
app.use(express.json());

// Payments: the live key was pasted here "temporarily" during the launch week.
const stripe = new Stripe('sk_live_51AuditReadyDemo9xQ2mR7tL4wB8nZ3pYc6Hd1Jf5Gs0Ae2Uq3Lm8Zt');
const mailer = { apiKey: process.env.SENDGRID_API_KEY, from: 'orders@shop.example.com' };

// The shipping partner's API; their docs still show http:// URLs.
const SHIPPING_API = 'http://api.parcel-partner.io/v1/quotes';
const LOCAL_INVENTORY = 'http://localhost:4000/inventory';

// The partner's staging certificate expired, so verification was switched off.
const partnerAgent = new https.Agent({ rejectUnauthorized: false });
const bankAgent = new https.Agent({ rejectUnauthorized: true, minVersion: 'TLSv1.2' });

app.use((req, res, next) => {
  res.on('finish', () => logger.info({ method: req.method, path: req.path, status: res.statusCode }, 'request'));
  next();
});

app.post('/orders', async (req, res) => {
  console.log('new order', req.body);
  const { sku, quantity } = req.body;
  const quote = await fetch(SHIPPING_API, { method: 'POST', body: JSON.stringify({ sku, quantity }) });
  const order = await stripe.paymentIntents.create({ amount: (await quote.json()).total, currency: 'usd' });
  res.json({ id: order.id });
});

app.post('/login', (req, res) => {
  const { email } = req.body;
  logger.info({ email }, 'login attempt');
  logger.debug(`auth header ${req.headers.authorization}`);
  res.sendStatus(204);
});

app.listen(3000, () => logger.info('listening on http://localhost:3000'));

export { app, mailer, partnerAgent, bankAgent, LOCAL_INVENTORY };
