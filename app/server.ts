// The HTTP side: Telegram's webhook (secret token checked by grammY: a wrong one gets 401; a body
// that is not JSON gets 400) and a health endpoint for the load balancer.
import { createServer, type Server } from 'node:http';
import { webhookCallback } from 'grammy';
import mongoose, { type Connection } from 'mongoose';
import type { AppBot } from '../bot/index.js';
import type { Logger } from './logger.js';

export const WEBHOOK_PATH = '/telegram/webhook';

/**
 * Where Telegram is told to send updates: the webhook path appended to WEBHOOK_URL's own path
 * (`https://host/loyalty` → `https://host/loyalty/telegram/webhook`), and the paths served for it:
 * that full path (a reverse proxy that passes the path on) and the bare one (a proxy that strips
 * its prefix, as `proxy_pass http://bot:8080/;` under `location /loyalty/` does).
 */
export function webhookTarget(webhookUrl: string): { url: string; paths: string[] } {
  const url = new URL(webhookUrl);
  const base = url.pathname.replace(/\/+$/, '');
  url.pathname = `${base}${WEBHOOK_PATH}`;
  url.search = '';
  url.hash = '';
  return { url: url.toString(), paths: [...new Set([url.pathname, WEBHOOK_PATH])] };
}
const MAX_BODY_BYTES = 1_000_000;

export interface HttpServerOptions {
  bot: AppBot;
  conn: Connection;
  /** Without a secret, the server only serves /health (long polling mode). */
  webhookSecret?: string;
  /** Paths the webhook answers at (default: WEBHOOK_PATH); see webhookTarget. */
  webhookPaths?: string[];
  logger?: Logger;
}

export function createHttpServer({ bot, conn, webhookSecret, webhookPaths = [WEBHOOK_PATH], logger }: HttpServerOptions): Server {
  const handleUpdate = webhookSecret
    ? webhookCallback(bot, 'http', { secretToken: webhookSecret, onTimeout: 'return', timeoutMilliseconds: 9_000 })
    : undefined;

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/health' || path === '/healthz')) {
      const dbUp = conn.readyState === mongoose.ConnectionStates.connected;
      res.writeHead(dbUp ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: dbUp ? 'ok' : 'degraded', database: dbUp ? 'up' : 'down' }));
      return;
    }
    if (handleUpdate && req.method === 'POST' && path !== undefined && webhookPaths.includes(path)) {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        return;
      }
      handleUpdate(req, res).catch((error: unknown) => {
        // grammY reads the body after checking the secret: a body that is not JSON is the sender's mistake.
        const malformed = error instanceof SyntaxError;
        if (malformed) logger?.warn({ path }, 'webhook request with a body that is not JSON: answered 400');
        else logger?.error({ err: error }, 'webhook request failed');
        if (!res.headersSent) res.writeHead(malformed ? 400 : 500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
}
