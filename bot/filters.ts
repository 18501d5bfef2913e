import type { AppContext } from './context.js';
import { staffRole } from './staff.js';

export function isOwner(ctx: AppContext): boolean {
  return ctx.from !== undefined && ctx.config.OWNER_IDS.includes(ctx.from.id);
}

export function isPrivate(ctx: AppContext): boolean {
  return ctx.chat?.type === 'private';
}

/** Owners and members of the staff group, asked at the moment of the action (see bot/staff.ts). */
export async function isStaff(ctx: AppContext): Promise<boolean> {
  return (await staffRole(ctx)) !== undefined;
}
