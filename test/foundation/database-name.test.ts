// The embedded database is named `loyalty`; a MONGODB_URI without a database name gets the same;
// a program that earlier versions kept in `test` keeps its data (the legacy database is used).
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_NAME, LEGACY_DATABASE_NAME, chooseDatabase, databaseNameIn } from '../../app/database-name.js';
import { logFormat } from '../../app/logger.js';
import { connectTestDatabase } from '../db.js';

describe('the database name', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of cleanup) await drop();
  });

  it('reads the name a URI gives, and none when it gives none', () => {
    expect(DATABASE_NAME).toBe('loyalty');
    expect(LEGACY_DATABASE_NAME).toBe('test');
    expect(databaseNameIn('mongodb://127.0.0.1:27017/')).toBeUndefined();
    expect(databaseNameIn('mongodb://127.0.0.1:27017')).toBeUndefined();
    expect(databaseNameIn('mongodb://u:p@db1,db2/?replicaSet=rs0')).toBeUndefined();
    expect(databaseNameIn('mongodb://db1,db2/cafe?replicaSet=rs0')).toBe('cafe');
    expect(databaseNameIn('mongodb+srv://u:p@cluster.example.net/loyalty')).toBe('loyalty');
  });

  it('uses the preferred name on a fresh server, the legacy one when only it holds customers, and the named one when the URI names it', async () => {
    const preferred = await connectTestDatabase('preferred');
    const legacy = await connectTestDatabase('legacy');
    cleanup.push(preferred.drop, legacy.drop);
    const names = { preferred: preferred.dbName, legacy: legacy.dbName };
    const uri = preferred.uri.replace(/\/[^/]*$/, '/');

    expect(await chooseDatabase(uri, names)).toEqual({ dbName: preferred.dbName, legacy: false });

    const client = new MongoClient(uri);
    try {
      await client.db(legacy.dbName).collection('customers').insertOne({ telegramId: 1, firstName: 'Old' });
      expect(await chooseDatabase(uri, names)).toEqual({ dbName: legacy.dbName, legacy: true });
      await client.db(preferred.dbName).collection('customers').insertOne({ telegramId: 2, firstName: 'New' });
      expect(await chooseDatabase(uri, names)).toEqual({ dbName: preferred.dbName, legacy: false });
    } finally {
      await client.close();
    }
    expect(await chooseDatabase(`${uri}cafe`, names)).toEqual({ dbName: 'cafe', legacy: false });
  });
});

describe('the log format', () => {
  it('is pretty in a terminal and JSON elsewhere, unless LOG_FORMAT says otherwise', () => {
    expect(logFormat(undefined, true)).toBe('pretty');
    expect(logFormat(undefined, false)).toBe('json');
    expect(logFormat('json', true)).toBe('json');
    expect(logFormat('pretty', false)).toBe('pretty');
  });
});
