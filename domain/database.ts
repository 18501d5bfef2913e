// One mongoose connection per running app (tests open one per test file, each with its own database).
import mongoose, { type Connection } from 'mongoose';

export async function openDatabase(
  uri: string,
  dbName?: string,
  timeoutMs = 8_000,
  options: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    // Command monitoring (tests count the round trips of hot paths with it).
    ...(options.monitorCommands ? { monitorCommands: true } : {}),
    // While the server is away, an operation fails after this long (the user is told to try again)
    // instead of queueing in memory; the driver reconnects by itself when the server is back.
    serverSelectionTimeoutMS: timeoutMs,
    bufferCommands: false,
    autoIndex: true,
  });
  await conn.asPromise();
  return conn;
}

/** Registers the model on the connection once; every module calls this instead of `mongoose.model`. */
export function modelOn<TSchema extends mongoose.Schema>(conn: Connection, name: string, schema: TSchema) {
  const make = () => conn.model(name, schema);
  return (conn.models[name] as ReturnType<typeof make> | undefined) ?? make();
}

/** Builds every index the models declare; unique indexes are the exactly-once primitive, so wait for them. */
export async function ensureIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) await model.createIndexes();
}
