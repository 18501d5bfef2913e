// The embedded server's URI (and a MONGODB_URI without a database name) get the database `loyalty`.
// Earlier versions wrote into the driver's default, `test`: where `test` holds the program's data and
// `loyalty` holds none, that database is kept, so an upgrade never starts an empty program.
import { MongoClient } from 'mongodb';

export const DATABASE_NAME = 'loyalty';
export const LEGACY_DATABASE_NAME = 'test';

/** The database name a URI names, or undefined when it names none. */
export function databaseNameIn(uri: string): string | undefined {
  const afterHosts = /^mongodb(?:\+srv)?:\/\/[^/]*\/?([^?]*)/.exec(uri)?.[1] ?? '';
  const name = decodeURIComponent(afterHosts);
  return name === '' ? undefined : name;
}

export interface DatabaseChoice {
  dbName: string;
  /** True when the data found in the legacy database is used. */
  legacy: boolean;
}

export async function chooseDatabase(
  uri: string,
  names: { preferred: string; legacy: string } = { preferred: DATABASE_NAME, legacy: LEGACY_DATABASE_NAME },
): Promise<DatabaseChoice> {
  const named = databaseNameIn(uri);
  if (named) return { dbName: named, legacy: false };
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 8_000 });
  try {
    await client.connect();
    const hasData = async (name: string) =>
      (await client.db(name).listCollections({}, { nameOnly: true }).toArray()).some((c) => c.name === 'customers');
    if (!(await hasData(names.preferred)) && (await hasData(names.legacy))) return { dbName: names.legacy, legacy: true };
    return { dbName: names.preferred, legacy: false };
  } finally {
    await client.close();
  }
}
