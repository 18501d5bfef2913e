// The HTTP side: Telegram's webhook (secret token checked by grammY: a wrong one gets 401) and a
// health endpoint for the load balancer.
import { createServer, type Server } from 'node:http';
import { webhookCallback } from 'grammy';
import type { Connection } from 'mongoose';
import type { AppBot } from '../bot/index.js';

export const WEBHOOK_PATH = '/telegram/webhook';
const MAX_BODY_BYTES = 1_000_000;

export interface HttpServerOptions {
  bot: AppBot;
  conn: Connection;
  /** Without a secret, the server only serves /health (long polling mode). */
  webhookSecret?: string;
}

export function createHttpServer({ bot, conn, webhookSecret }: HttpServerOptions): Server {
  const handleUpdate = webhookSecret
    ? webhookCallback(bot, 'http', { secretToken: webhookSecret, onTimeout: 'return', timeoutMilliseconds: 9_000 })
    : undefined;

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/health' || path === '/healthz')) {
      const dbUp = conn.readyState === 1;
      res.writeHead(dbUp ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: dbUp ? 'ok' : 'degraded', database: dbUp ? 'up' : 'down' }));
      return;
    }
    if (handleUpdate && req.method === 'POST' && path === WEBHOOK_PATH) {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        return;
      }
      handleUpdate(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
}
