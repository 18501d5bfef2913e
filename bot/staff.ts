// Who is staff: the owners and the members of the staff group (both from domain/team.ts: the
// environment or the set-up done in Telegram), as Telegram says right now. Asking Telegram on every press would be slow and rate-limited, so each answer is kept
// for at most five minutes (by the app's clock): someone removed from the group loses access within
// that time. The cache belongs to one running app; owners never need the call.
import { GrammyError, type Api } from 'grammy';
import type { ChatMember } from 'grammy/types';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../app/logger.js';
import type { TeamService } from '../domain/team.js';

export type StaffRole = 'owner' | 'staff';

export const STAFF_CACHE_MS = 5 * 60_000;

function isMember(member: ChatMember): boolean {
  switch (member.status) {
    case 'creator':
    case 'administrator':
    case 'member':
      return true;
    case 'restricted':
      return member.is_member === true;
    default:
      return false;
  }
}

export class StaffDirectory {
  private readonly known = new Map<number, { chatId: number; member: boolean; until: number }>();
  private readonly asking = new Map<number, Promise<boolean>>();

  constructor(
    private readonly api: Api,
    private readonly team: Pick<TeamService, 'isOwner' | 'staffChatId'>,
    private readonly clock: Clock,
  ) {}

  /** The user's role at this moment, or undefined for everyone else. */
  async roleOf(userId: number): Promise<StaffRole | undefined> {
    if (await this.team.isOwner(userId)) return 'owner';
    return (await this.isGroupMember(userId)) ? 'staff' : undefined;
  }

  private async isGroupMember(userId: number): Promise<boolean> {
    const chatId = await this.team.staffChatId();
    if (chatId === undefined) return false;
    const now = this.clock.now().getTime();
    const cached = this.known.get(userId);
    if (cached && cached.chatId === chatId && cached.until > now) return cached.member;

    // Twenty presses at once ask Telegram once.
    let pending = this.asking.get(userId);
    if (!pending) {
      pending = this.ask(chatId, userId).finally(() => this.asking.delete(userId));
      this.asking.set(userId, pending);
    }
    return pending;
  }

  private async ask(chatId: number, userId: number): Promise<boolean> {
    let member: boolean;
    try {
      member = isMember(await this.api.getChatMember(chatId, userId));
    } catch (error) {
      // 400 (no such user in the chat) and 403 (the bot was removed from the group) are answers: not staff.
      if (!(error instanceof GrammyError) || (error.error_code !== 400 && error.error_code !== 403)) throw error;
      member = false;
    }
    this.known.set(userId, { chatId, member, until: this.clock.now().getTime() + STAFF_CACHE_MS });
    return member;
  }
}

/** What staffRole needs of an update's context (ctx.staff is the app's one directory: bot/index.ts). */
export interface StaffLookup {
  from?: { id: number } | undefined;
  staff: StaffDirectory;
  logger: Logger;
}

/** The sender's role, checked at the moment of the action; the update's log lines carry it from then on. */
export async function staffRole(ctx: StaffLookup): Promise<StaffRole | undefined> {
  if (!ctx.from) return undefined;
  const role = await ctx.staff.roleOf(ctx.from.id);
  if (role) withRole(ctx, role);
  return role;
}

/** The update's log lines carry the sender's role from the moment it is known (once). */
export function withRole(ctx: { logger: Logger }, role: 'owner' | 'staff'): void {
  if (ctx.logger.bindings().role === undefined) ctx.logger = ctx.logger.child({ role });
}
