// Finds or starts a MongoDB-speaking server, so that tests and `npm start` work with zero set-up:
//   1. MONGODB_URI, if given;
//   2. a real mongod through mongodb-memory-server (cached/system binary, or a download when possible);
//   3. FerretDB (SQLite backend), built from tools/ferretdb with the Go toolchain.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as FerretBuildLib from '../tools/ferretdb/build-lib.mjs';

export type MongoServerKind = 'MONGODB_URI' | 'mongodb-memory-server' | 'ferretdb';

export interface MongoServer {
  uri: string;
  kind: MongoServerKind;
  stop(): Promise<void>;
}

export class NoMongoServerError extends Error {
  override name = 'NoMongoServerError';
}

export interface StartMongoServerOptions {
  /** An existing server (usually process.env.MONGODB_URI); used as is when set. */
  uri?: string | undefined;
  /** Keep data across restarts in <dataDir>/mongodb or <dataDir>/ferretdb; without it the server is throw-away. */
  dataDir?: string | undefined;
  /** Receives a few short human-readable lines (which server is used, build progress). */
  log?: ((msg: string) => void) | undefined;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const PROBE_TIMEOUT_MS = 4_000;
/** Bound for a mongod download when a proxy is configured (the host probe cannot tell then). */
const PROXIED_DOWNLOAD_TIMEOUT_MS = 120_000;

/** Replaces the credentials of a MongoDB connection string, so it can be logged. */
export function redactMongoUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/i, '$1***@');
}

export async function startMongoServer(opts: StartMongoServerOptions = {}): Promise<MongoServer> {
  const log = opts.log ?? (() => {});

  if (opts.uri) {
    log(`using MongoDB from MONGODB_URI (${redactMongoUri(opts.uri)})`);
    return { uri: opts.uri, kind: 'MONGODB_URI', stop: async () => {} };
  }

  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);

  // Keep using FerretDB for a data directory that only has FerretDB data, even if mongod becomes available.
  const ferretFirst =
    dataDir !== undefined && !existsSync(join(dataDir, 'mongodb')) && hasFiles(join(dataDir, 'ferretdb'));

  let mongodError: string | undefined;
  if (!ferretFirst) {
    try {
      return await startMemoryServer(dataDir, log);
    } catch (err) {
      mongodError = short(err);
    }
  }

  let ferretError: string;
  try {
    const why = mongodError === undefined ? 'existing FerretDB data' : `mongod could not be obtained: ${mongodError}`;
    return await startFerretDB(dataDir, log, why);
  } catch (err) {
    ferretError = short(err);
  }

  if (mongodError === undefined) {
    try {
      return await startMemoryServer(dataDir, log);
    } catch (err) {
      mongodError = short(err);
    }
  }

  throw new NoMongoServerError(
    'No MongoDB server is available: set MONGODB_URI (e.g. MONGODB_URI=mongodb://localhost:27017/loyalty), ' +
      `because mongod could not be obtained (${mongodError}) and FerretDB could not be started (${ferretError}).`,
  );
}

// ---------------------------------------------------------------------------------------------
// mongodb-memory-server

async function startMemoryServer(dataDir: string | undefined, log: (msg: string) => void): Promise<MongoServer> {
  const { MongoMemoryServer, DryMongoBinary } = await import('mongodb-memory-server');

  // A binary in MONGOMS_SYSTEM_BINARY, the global path or the download cache needs no network.
  const binary = await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
  let downloadTimeoutMs: number | undefined;
  if (!binary) {
    if (/^(0|false|no|off)$/i.test(process.env.MONGOMS_RUNTIME_DOWNLOAD ?? '')) {
      throw new Error('no mongod binary and MONGOMS_RUNTIME_DOWNLOAD is off');
    }
    if (hasProxy()) {
      downloadTimeoutMs = PROXIED_DOWNLOAD_TIMEOUT_MS;
    } else {
      // Fail in seconds when the download host cannot be reached (mongodb-memory-server itself retries for minutes).
      const host = downloadHost();
      const problem = await probeTls(host, PROBE_TIMEOUT_MS);
      if (problem) throw new Error(`no mongod binary and ${host} is unreachable: ${problem}`);
    }
    log('downloading mongod through mongodb-memory-server (first run only)...');
  }

  let dbPath: string | undefined;
  if (dataDir !== undefined) {
    dbPath = join(dataDir, 'mongodb');
    await mkdir(dbPath, { recursive: true });
  }

  const creating = MongoMemoryServer.create(
    dbPath === undefined ? {} : { instance: { dbPath, storageEngine: 'wiredTiger' } },
  );
  const server = downloadTimeoutMs === undefined ? await creating : await withTimeout(creating, downloadTimeoutMs, 'mongod download');

  const uri = server.getUri();
  log(`using mongod (mongodb-memory-server) at ${uri}${dbPath === undefined ? ' (in memory)' : ` (data in ${dbPath})`}`);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    kind: 'mongodb-memory-server',
    stop: () =>
      (stopping ??= server.stop().then(
        () => undefined,
        () => undefined,
      )),
  };
}

function downloadHost(): string {
  const url = process.env.MONGOMS_DOWNLOAD_URL || process.env.MONGOMS_DOWNLOAD_MIRROR || 'https://fastdl.mongodb.org';
  try {
    return new URL(url).host;
  } catch {
    return 'fastdl.mongodb.org';
  }
}

function hasProxy(): boolean {
  return ['https_proxy', 'http_proxy', 'HTTPS_PROXY', 'HTTP_PROXY', 'npm_config_https_proxy', 'npm_config_proxy'].some(
    (name) => !!process.env[name],
  );
}

/** Resolves to undefined when a TLS handshake with host succeeds, else to a short reason. */
function probeTls(hostPort: string, timeoutMs: number): Promise<string | undefined> {
  const [host = hostPort, portText] = hostPort.split(':');
  return new Promise((done) => {
    const socket = tlsConnect({ host, port: Number(portText ?? 443), servername: host });
    const finish = (problem: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      done(problem);
    };
    const timer = setTimeout(() => finish(`no answer in ${timeoutMs / 1000} s`), timeoutMs);
    socket.once('secureConnect', () => finish(undefined));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}

// ---------------------------------------------------------------------------------------------
// FerretDB

async function startFerretDB(
  dataDir: string | undefined,
  log: (msg: string) => void,
  why: string,
): Promise<MongoServer> {
  const { ensureFerretBinary } = await loadFerretBuildLib();
  const binary = await ensureFerretBinary({ log });

  const persistent = dataDir !== undefined;
  const stateDir = persistent ? join(dataDir, 'ferretdb') : await mkdtemp(join(tmpdir(), 'loyalty-ferretdb-'));

  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      try {
        const child = await spawnFerretDB(binary, `127.0.0.1:${port}`, stateDir, !persistent);
        const uri = `mongodb://127.0.0.1:${port}/`;
        log(
          `using FerretDB at ${uri} (${why})` +
            (persistent ? `; data in ${stateDir}` : ''),
        );
        return ferretServer(child, uri, persistent ? undefined : stateDir);
      } catch (err) {
        // Another process may have taken the port between our check and FerretDB's bind.
        if (attempt >= 3 || !/address already in use/i.test(String(err))) throw err;
      }
    }
  } catch (err) {
    if (!persistent) await rm(stateDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Loads tools/ferretdb/build-lib.mjs from the source tree, both when running from app/ (tsx, vitest)
 * and from dist/app/ (`npm start`), where a static relative import would point into dist/.
 */
async function loadFerretBuildLib(): Promise<typeof FerretBuildLib> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'tools', 'ferretdb', 'build-lib.mjs');
    if (existsSync(candidate)) return (await import(pathToFileURL(candidate).href)) as typeof FerretBuildLib;
    dir = dirname(dir);
  }
  throw new Error('tools/ferretdb/build-lib.mjs not found');
}

function spawnFerretDB(binary: string, listen: string, stateDir: string, throwAway: boolean): Promise<ChildProcess> {
  const args = ['-listen', listen, '-state-dir', stateDir, '-parent-pid', String(process.pid), '-log-level', 'warn'];
  if (throwAway) args.push('-remove-state-dir');
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });

  const stderrTail: string[] = [];
  const tail = () => stderrTail.join('\n').trim().slice(-1500);

  return new Promise((resolveReady, rejectReady) => {
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        rejectReady(err);
      } else {
        resolveReady(child);
      }
    };

    const timer = setTimeout(
      () => settle(new Error(`FerretDB did not report READY within ${READY_TIMEOUT_MS / 1000} s; stderr: ${tail()}`)),
      READY_TIMEOUT_MS,
    );

    createInterface({ input: child.stderr }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('READY ')) settle();
    });
    child.once('error', (err) => settle(new Error(`cannot run ${binary}: ${err.message}`)));
    child.once('exit', (code, signal) =>
      settle(new Error(`FerretDB exited (${signal ?? `code ${code}`}) before it was ready: ${tail()}`)),
    );
  });
}

function ferretServer(child: ChildProcess, uri: string, throwAwayDir: string | undefined): MongoServer {
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

  // Do not keep the Node process alive for the server; if it is not stopped, it ends with us.
  const killOnExit = () => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();

  let stopping: Promise<void> | undefined;
  return {
    uri,
    kind: 'ferretdb',
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          let timer: NodeJS.Timeout | undefined;
          const graceOver = new Promise<boolean>((done) => {
            timer = setTimeout(() => done(true), STOP_GRACE_MS);
          });
          const killed = await Promise.race([exited.then(() => false), graceOver]);
          clearTimeout(timer);
          if (killed) {
            child.kill('SIGKILL');
            await exited;
          }
        }
        if (throwAwayDir !== undefined) await rm(throwAwayDir, { recursive: true, force: true });
      })()),
  };
}

// ---------------------------------------------------------------------------------------------
// helpers

function freeLoopbackPort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error('could not pick a free port'))));
    });
  });
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first line of an error message, shortened, for the one-sentence summary. */
function short(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  let line = (message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error').trim();
  if (line.length > 160 && line.includes('; ')) line = line.slice(0, line.indexOf('; '));
  line = line.replace(/[.\s]+$/, '');
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
