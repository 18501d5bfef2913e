// Who runs the place: the owners and the staff group chat. Either comes from the environment
// (OWNER_IDS, STAFF_CHAT_ID — these win when set) or is set up from inside Telegram and stored here:
// the first owner claims the bot with a one-time code printed at start, an owner binds the staff chat.
// Every role check, audit line, digest and command menu asks this one service. Its answer is kept in
// memory, replaced at once when this instance changes it, and read again at most REFRESH_MS later
// on every other instance.
import { randomInt } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import type { Clock } from './clock.js';
import { modelOn } from './database.js';
import { err, ok, type Result } from './result.js';

export const TEAM_REFRESH_MS = 30_000;
const TEAM_ID = 'team';
// Letters only: a run of digits would look like a phone number to the log's masking.
const CLAIM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const teamSchema = new Schema(
  {
    _id: { type: String, required: true },
    ownerIds: { type: [Number], default: [] },
    staffChatId: { type: Number },
    claimCode: { type: String },
    updatedAt: { type: Date },
  },
  { versionKey: false, collection: 'team' },
);

export type TeamError =
  | { code: 'OwnersFromEnvironment' }
  | { code: 'StaffChatFromEnvironment' }
  | { code: 'NoClaimOpen' }
  | { code: 'WrongClaimCode' }
  | { code: 'NotOwner' };

interface Stored {
  ownerIds: number[];
  staffChatId: number | undefined;
}

/** Owners and the staff group as the environment sets them (OWNER_IDS, STAFF_CHAT_ID), if it does. */
export interface TeamConfig {
  OWNER_IDS: readonly number[];
  STAFF_CHAT_ID?: number | undefined;
}

export class TeamService {
  private readonly model;
  private cached: { value: Stored; at: number } | undefined;
  private readonly listeners = new Set<() => void | Promise<void>>();

  constructor(
    conn: Connection,
    private readonly clock: Clock,
    /** Read on every call, not copied: the environment wins whenever it names owners or a chat. */
    private readonly config: TeamConfig,
  ) {
    this.model = modelOn(conn, 'Team', teamSchema);
  }

  /** Called after this instance changed the owners or the staff chat (command menus follow). */
  onChange(listener: () => void | Promise<void>): void {
    this.listeners.add(listener);
  }

  private async stored(): Promise<Stored> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < TEAM_REFRESH_MS) return this.cached.value;
    const doc = await this.model.findById(TEAM_ID).lean();
    const value = { ownerIds: doc?.ownerIds ?? [], staffChatId: doc?.staffChatId ?? undefined };
    this.cached = { value, at: now };
    return value;
  }

  private async changed(): Promise<void> {
    this.cached = undefined;
    await this.stored();
    for (const listener of this.listeners) await listener();
  }

  get ownersFromEnvironment(): boolean {
    return this.config.OWNER_IDS.length > 0;
  }

  get staffChatFromEnvironment(): boolean {
    return this.config.STAFF_CHAT_ID !== undefined;
  }

  async owners(): Promise<number[]> {
    if (this.ownersFromEnvironment) return [...this.config.OWNER_IDS];
    return [...(await this.stored()).ownerIds];
  }

  async isOwner(userId: number): Promise<boolean> {
    return (await this.owners()).includes(userId);
  }

  async staffChatId(): Promise<number | undefined> {
    return this.config.STAFF_CHAT_ID ?? (await this.stored()).staffChatId;
  }

  /**
   * When nobody owns the bot yet, a new one-time claim code (replacing any earlier one), else undefined.
   * Printed at start; whoever sends `/claim <code>` in a private chat becomes the first owner.
   */
  async openClaim(): Promise<string | undefined> {
    if ((await this.owners()).length > 0) return undefined;
    let code = '';
    for (let i = 0; i < 8; i++) code += CLAIM_ALPHABET[randomInt(CLAIM_ALPHABET.length)];
    await this.model.updateOne(
      { _id: TEAM_ID },
      { $set: { claimCode: code, updatedAt: this.clock.now() } },
      { upsert: true },
    );
    return code;
  }

  /** The claim code makes `userId` an owner once; afterwards owners are added by the environment. */
  async claim(userId: number, code: string): Promise<Result<void, TeamError>> {
    if (this.ownersFromEnvironment) return err({ code: 'OwnersFromEnvironment' });
    const normalized = code.trim().toUpperCase().replace(/[\s-]/g, '');
    const open = await this.model.findById(TEAM_ID).lean();
    if (!open?.claimCode) return err({ code: 'NoClaimOpen' });
    if (normalized === '' || normalized !== open.claimCode) return err({ code: 'WrongClaimCode' });
    // The code is taken away in the same write that adds the owner: two people racing get one owner.
    const taken = await this.model.updateOne(
      { _id: TEAM_ID, claimCode: open.claimCode },
      { $unset: { claimCode: 1 }, $addToSet: { ownerIds: userId }, $set: { updatedAt: this.clock.now() } },
    );
    if (taken.modifiedCount !== 1) return err({ code: 'NoClaimOpen' });
    await this.changed();
    return ok(undefined);
  }

  /** An owner makes this group the staff chat. */
  async bindStaffChat(chatId: number, byUserId: number): Promise<Result<void, TeamError>> {
    if (!(await this.isOwner(byUserId))) return err({ code: 'NotOwner' });
    if (this.staffChatFromEnvironment) return err({ code: 'StaffChatFromEnvironment' });
    await this.model.updateOne(
      { _id: TEAM_ID },
      { $set: { staffChatId: chatId, updatedAt: this.clock.now() } },
      { upsert: true },
    );
    await this.changed();
    return ok(undefined);
  }

  /** Clears the cache (a test, or another instance's change that must be seen at once). */
  forget(): void {
    this.cached = undefined;
  }
}
