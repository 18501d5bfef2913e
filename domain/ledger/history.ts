// A customer's ledger replayed in order. Every decision about a card (may this visit be stamped, is
// there a reward to redeem, what does undoing this entry take back, which reward is due to expire) is
// made from this replay, so the rules and the balance can never disagree with the ledger.
import { type Types, type Connection } from 'mongoose';
import { ledgerModel, type LedgerEntry } from './model.js';

/** One reward available on the card, from the conversion that created it; redeemed oldest first. */
export interface RewardLot {
  conversionId: Types.ObjectId;
  at: Date;
}

export class LedgerHistory {
  stamps = 0;
  rewards = 0;
  /** The highest position taken; the next entry goes to lastSeq + 1. */
  lastSeq = 0;
  /** How many reward conversions were ever written (the ordinal of the next one is this + 1). */
  conversions = 0;
  /** Stamps the most recent conversion consumed (what undoing a conversion gives back). */
  lastConversionSize: number | undefined;
  readonly lots: RewardLot[] = [];
  private readonly byKey = new Map<string, LedgerEntry>();
  private readonly byId = new Map<string, LedgerEntry>();
  private readonly undoneBy = new Map<string, LedgerEntry>();
  private readonly redeemedLots = new Map<string, RewardLot>();

  constructor(readonly entries: LedgerEntry[]) {
    for (const entry of entries) this.apply(entry);
  }

  static async load(conn: Connection, customerId: Types.ObjectId): Promise<LedgerHistory> {
    const entries = await ledgerModel(conn).find({ customerId }).sort({ seq: 1 }).lean<LedgerEntry[]>();
    return new LedgerHistory(entries);
  }

  withKey(key: string): LedgerEntry | undefined {
    return this.byKey.get(key);
  }

  entry(id: Types.ObjectId | string): LedgerEntry | undefined {
    return this.byId.get(String(id));
  }

  /** The undo entry that took this entry back, if any. */
  undoOf(id: Types.ObjectId | string): LedgerEntry | undefined {
    return this.undoneBy.get(String(id));
  }

  /** Stamped visits that still count (not undone), oldest first. */
  get visits(): LedgerEntry[] {
    return this.entries.filter((e) => e.type === 'stamp' && !this.undoneBy.has(String(e._id)));
  }

  private apply(entry: LedgerEntry): void {
    this.stamps += entry.stamps;
    this.rewards += entry.rewards;
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    this.byKey.set(entry.key, entry);
    this.byId.set(String(entry._id), entry);

    switch (entry.type) {
      case 'reward':
        this.conversions++;
        this.lastConversionSize = -entry.stamps;
        if (entry.rewards > 0) this.lots.push({ conversionId: entry._id, at: entry.at });
        break;
      case 'redeem': {
        const lot = this.lots.shift();
        if (lot) this.redeemedLots.set(String(entry._id), lot);
        break;
      }
      case 'expire': {
        const index = this.lots.findIndex((l) => entry.refersTo && l.conversionId.equals(entry.refersTo));
        this.lots.splice(index >= 0 ? index : 0, 1);
        break;
      }
      case 'undo': {
        if (entry.undoes) this.undoneBy.set(String(entry.undoes), entry);
        const target = entry.undoes ? this.byId.get(String(entry.undoes)) : undefined;
        const lot = target?.type === 'redeem' ? this.redeemedLots.get(String(target._id)) : undefined;
        if (lot && entry.rewards > 0) {
          // The redeemed reward comes back with its original date, so it expires when it would have.
          const at = this.lots.findIndex((l) => l.at > lot.at);
          this.lots.splice(at >= 0 ? at : this.lots.length, 0, lot);
        } else if (entry.rewards < 0) {
          // Undoing the stamps that completed a card takes back the newest rewards.
          this.lots.splice(Math.max(0, this.lots.length + entry.rewards));
        }
        break;
      }
      default:
        break;
    }
    // Entries from elsewhere (a bonus reward, say) still keep one lot per available reward.
    while (this.lots.length > Math.max(0, this.rewards)) this.lots.pop();
    while (this.lots.length < this.rewards) this.lots.push({ conversionId: entry._id, at: entry.at });
  }
}
