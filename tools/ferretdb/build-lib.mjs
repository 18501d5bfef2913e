// Builds tools/ferretdb/bin/ferretdb-embedded (FerretDB + SQLite, see main.go) with the Go toolchain.
// Used by `npm run db:build` (build.mjs) and, lazily, by app/mongo-server.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolDir = dirname(fileURLToPath(import.meta.url));

/** Where the binary is built. */
export const ferretBinaryPath = join(toolDir, 'bin', process.platform === 'win32' ? 'ferretdb-embedded.exe' : 'ferretdb-embedded');

/** Files whose change makes the binary stale. */
const sources = ['main.go', 'go.mod', 'go.sum'].map((name) => join(toolDir, name));

/** @param {string} msg */
const defaultLog = (msg) => process.stderr.write(`[ferretdb] ${msg}\n`);

/** @returns {string | undefined} the `go` command to use */
function findGo() {
  const exe = process.platform === 'win32' ? 'go.exe' : 'go';
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, exe)),
    ...(process.env.GOROOT ? [join(process.env.GOROOT, 'bin', exe)] : []),
    join('/usr/local/go/bin', exe),
    join('/usr/lib/go/bin', exe),
  ];
  for (const candidate of candidates) {
    if (existsSync(candidate) && spawnSync(candidate, ['version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/** @returns {boolean} */
function isUpToDate() {
  if (!existsSync(ferretBinaryPath)) return false;
  const built = statSync(ferretBinaryPath).mtimeMs;
  return sources.every((file) => !existsSync(file) || statSync(file).mtimeMs <= built);
}

/** @type {Promise<string> | undefined} */
let pending;

/**
 * Builds the FerretDB binary if it is missing or older than main.go / go.mod / go.sum.
 * @param {{ log?: (msg: string) => void }} [opts] progress lines go to `log` (default: stderr)
 * @returns {Promise<string>} absolute path of the binary
 */
export function ensureFerretBinary(opts = {}) {
  pending ??= build(opts.log ?? defaultLog).finally(() => {
    pending = undefined;
  });
  return pending;
}

/**
 * @param {(msg: string) => void} log
 * @returns {Promise<string>}
 */
async function build(log) {
  if (isUpToDate()) return ferretBinaryPath;

  const go = findGo();
  if (!go) {
    throw new Error(
      'Cannot build the FerretDB fallback server: the Go toolchain (`go`, 1.24 or newer) is not on PATH; ' +
        'install Go (e.g. `apt-get install golang-go` or from go.dev) or set MONGODB_URI to an existing MongoDB server.',
    );
  }

  const goVersion = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  log(`building FerretDB (${goVersion || 'go'}) into ${ferretBinaryPath}; the first build downloads Go modules and takes about a minute...`);
  const started = Date.now();

  await mkdir(dirname(ferretBinaryPath), { recursive: true });
  // Build into a temporary file and rename it, so concurrent runs never see a half-written binary.
  const tmp = `${ferretBinaryPath}.tmp-${process.pid}`;
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(go, ['build', '-trimpath', '-ldflags=-s -w', '-o', tmp, '.'], {
        cwd: toolDir,
        env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      /** @type {string[]} */
      const output = [];
      /** @param {Buffer} chunk */
      const collect = (chunk) => {
        output.push(chunk.toString());
        process.stderr.write(chunk);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve(undefined);
        else {
          const tail = output.join('').trim().split('\n').slice(-15).join('\n');
          reject(new Error(`\`go build\` of FerretDB failed (${signal ?? `exit code ${code}`})${tail ? `:\n${tail}` : ''}`));
        }
      });
    });
    await rename(tmp, ferretBinaryPath);
  } finally {
    await rm(tmp, { force: true });
  }

  log(`built FerretDB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ferretBinaryPath;
}
