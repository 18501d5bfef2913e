// Counts the database commands an app sends, from the driver's command monitoring (the app's
// connection must be opened with `monitorCommands: true`: createHarness({ monitorCommands: true })).
import type { CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';

export interface RecordedCommand {
  name: string;
  collection: string;
}

export class CommandLog {
  private recorded: RecordedCommand[] = [];
  private readonly listener = (event: CommandStartedEvent) => {
    const target = (event.command as Record<string, unknown>)[event.commandName];
    this.recorded.push({ name: event.commandName, collection: typeof target === 'string' ? target : '' });
  };

  constructor(private readonly conn: Connection) {
    conn.getClient().on('commandStarted', this.listener);
  }

  /** The commands sent while `work` ran (and its promises settled). */
  async during(work: () => Promise<void>): Promise<RecordedCommand[]> {
    this.recorded = [];
    await work();
    await new Promise((resolve) => setImmediate(resolve));
    return [...this.recorded];
  }

  stop(): void {
    this.conn.getClient().off('commandStarted', this.listener);
  }
}

/** "find customers, insert ledgerentries, …": for a failing assertion's message. */
export function describeCommands(commands: RecordedCommand[]): string {
  return commands.map((c) => `${c.name} ${c.collection}`.trim()).join(', ');
}
