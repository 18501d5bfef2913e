import type { AppContext } from './context.js';

export function isOwner(ctx: AppContext): boolean {
  return ctx.from !== undefined && ctx.config.OWNER_IDS.includes(ctx.from.id);
}

export function isPrivate(ctx: AppContext): boolean {
  return ctx.chat?.type === 'private';
}
