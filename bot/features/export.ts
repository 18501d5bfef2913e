// /export for owners: customers and the ledger as CSV documents (RFC 4180, UTF-8 with a byte order
// mark so that Excel shows Cyrillic names), streamed from the database rather than built in memory.
// Every export is an entry in the audit feed (domain/audit): who, when, which files.
import { Composer, InputFile } from 'grammy';
import { localDateKey } from '../../domain/business-time.js';
import type { BotContext } from '../context.js';

export const exportFeature = new Composer<BotContext>();

exportFeature.chatType('private').command('export', async (ctx) => {
  await ctx.replyWithChatAction('upload_document');
  const { exports, settings, clock } = ctx.services;
  const { timeZone } = await settings.get();
  const day = localDateKey(clock.now(), timeZone);
  const files = [`customers-${day}.csv`, `ledger-${day}.csv`] as const;
  // Written before the files go out: an export that fails half-way was still attempted by this owner.
  await ctx.services.audit.record({ actorId: ctx.from.id, actorRole: 'owner', action: 'export', what: [...files] });
  ctx.logger.info({ audit: 'export', ownerId: ctx.from.id, files }, 'customer data exported');
  // Suppliers, so that a retried upload reads the data afresh instead of a spent stream.
  await ctx.replyWithDocument(new InputFile(() => exports.customersCsv(timeZone), files[0]), {
    caption: ctx.t('export-customers-caption', { timeZone }),
  });
  await ctx.replyWithDocument(new InputFile(() => exports.ledgerCsv(timeZone), files[1]), {
    caption: ctx.t('export-ledger-caption', { timeZone }),
  });
});
