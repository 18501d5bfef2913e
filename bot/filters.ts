import type { AppContext } from './context.js';
import { staffRole } from './staff.js';

/** Owners come from OWNER_IDS or were set up in Telegram (/claim): domain/team.ts knows. */
export async function isOwner(ctx: AppContext): Promise<boolean> {
  return ctx.from !== undefined && (await ctx.services.team.isOwner(ctx.from.id));
}

export function isPrivate(ctx: AppContext): boolean {
  return ctx.chat?.type === 'private';
}

/** Owners and members of the staff group, asked at the moment of the action (see bot/staff.ts). */
export async function isStaff(ctx: AppContext): Promise<boolean> {
  return (await staffRole(ctx)) !== undefined;
}
