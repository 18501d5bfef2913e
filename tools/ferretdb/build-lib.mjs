// Builds tools/ferretdb/bin/ferretdb-embedded (FerretDB + SQLite, see main.go) with the Go toolchain.
// Used by `npm run db:build` (build.mjs) and, lazily, by app/mongo-server.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolDir = dirname(fileURLToPath(import.meta.url));

/** Where the binary is built. */
export const ferretBinaryPath = join(toolDir, 'bin', process.platform === 'win32' ? 'ferretdb-embedded.exe' : 'ferretdb-embedded');

/** Files whose change makes the binary stale (this file holds the patches below). */
const sources = ['main.go', 'go.mod', 'go.sum', 'build-lib.mjs'].map((name) => join(toolDir, name));

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const PROGRESS_EVERY_MS = 10_000;

/**
 * Small fixes to FerretDB v1.24.2 bugs that silently break ordinary application code, applied at build time
 * to a copy of the module (bin/src/, used through a `replace` in a generated -modfile; the module cache and
 * go.mod are never modified). Each `from` must occur exactly once.
 */
const patches = [
  {
    // $group evaluated every accumulator on one shared iterator, so all but the first got an empty
    // group: { n: { $sum: 1 }, total: { $sum: '$v' } } returned total: 0.
    file: 'internal/handler/common/aggregations/stages/group.go',
    from: `		groupIter := iterator.Values(iterator.ForSlice(groupedDocument.documents))
		defer groupIter.Close()

		for _, accumulation := range g.groupBy {
			out, err := accumulation.accumulator.Accumulate(groupIter)
`,
    to: `		for _, accumulation := range g.groupBy {
			groupIter := iterator.Values(iterator.ForSlice(groupedDocument.documents))
			out, err := accumulation.accumulator.Accumulate(groupIter)
			groupIter.Close()
`,
  },
  {
    // A unique-index violation caused by an update (update, findAndModify, bulk updates) was reported as
    // InternalError (code 1) instead of E11000 (code 11000), as inserts and upserts already are.
    file: 'internal/backends/sqlite/collection.go',
    from: `			r, err := tx.ExecContext(ctx, q, string(b), arg)
			if err != nil {
				return lazyerrors.Error(err)
			}
`,
    to: `			r, err := tx.ExecContext(ctx, q, string(b), arg)
			if err != nil {
				var se *sqlite3.Error
				if errors.As(err, &se) && se.Code() == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE {
					return backends.NewError(backends.ErrorCodeInsertDuplicateID, err)
				}

				return lazyerrors.Error(err)
			}
`,
  },
];

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

/**
 * @param {string} go
 * @param {string[]} args
 * @returns {Promise<string>} stdout
 */
function runGo(go, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(go, args, {
      cwd: toolDir,
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {string[]} */
    const stdout = [];
    /** @type {string[]} */
    const output = [];
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => stdout.push(chunk.toString()));
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
      output.push(chunk.toString());
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout.join(''));
      else {
        const lines = output.join('').trim().split('\n');
        const last = lines.findLast((line) => line.trim() !== '') ?? signal ?? `exit code ${code}`;
        reject(new Error(`\`go ${args[0]}\` of FerretDB failed: ${last.trim()}\n${lines.slice(-15).join('\n')}`));
      }
    });
  });
}

/**
 * Copies the FerretDB module next to the binary, applies the patches and writes a go.mod/go.sum pair
 * for `go build -modfile` that replaces the module with the patched copy.
 * @param {string} go
 * @param {string} workDir
 * @returns {Promise<string>} path of the generated go.mod
 */
async function preparePatchedSource(go, workDir) {
  const info = JSON.parse(await runGo(go, ['mod', 'download', '-json', FERRETDB_MODULE]));
  if (!info.Dir) throw new Error(`cannot locate the ${FERRETDB_MODULE} module source (go mod download gave no Dir)`);
  const srcDir = join(workDir, `FerretDB@${info.Version}`);
  await rm(workDir, { recursive: true, force: true });
  await cp(info.Dir, srcDir, { recursive: true });
  for (const patch of patches) {
    const file = join(srcDir, patch.file);
    const text = await readFile(file, 'utf8');
    if (text.split(patch.from).length !== 2) {
      throw new Error(`a patch for ${patch.file} does not apply to ${FERRETDB_MODULE}@${info.Version}; update tools/ferretdb/build-lib.mjs`);
    }
    await chmod(file, 0o644); // module cache files are read-only
    await writeFile(file, text.replace(patch.from, patch.to));
  }
  const modFile = join(workDir, 'build.mod');
  const goMod = await readFile(join(toolDir, 'go.mod'), 'utf8');
  await writeFile(modFile, `${goMod.trimEnd()}\n\nreplace ${FERRETDB_MODULE} => ${JSON.stringify(srcDir)}\n`);
  await copyFile(join(toolDir, 'go.sum'), join(workDir, 'build.sum'));
  return modFile;
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
 * Builds the FerretDB binary (with the patches above) if it is missing or older than main.go, go.mod, go.sum or this file.
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
      'Go toolchain not found (`go` 1.24+ is needed to build the FerretDB fallback server and is not on PATH); ' +
        'install Go from https://go.dev/dl or set MONGODB_URI to an existing MongoDB server.',
    );
  }

  const goVersion = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  log(
    `building FerretDB (${goVersion || 'go'}) into ${ferretBinaryPath}, once: with an empty Go cache it downloads ` +
      'the Go modules and compiles them, about 3 minutes on 2 cores (seconds when the Go cache is warm)...',
  );
  const started = Date.now();
  // A line at least every 10 s, so a long first build never looks like a hang.
  const progress = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    log(`still building FerretDB: ${seconds} s so far (about 3 minutes in all the first time)`);
  }, PROGRESS_EVERY_MS);
  progress.unref();

  await mkdir(dirname(ferretBinaryPath), { recursive: true });
  // Build into temporary files and rename the binary, so concurrent runs never see a half-written one.
  const tmp = `${ferretBinaryPath}.tmp-${process.pid}`;
  const workDir = join(dirname(ferretBinaryPath), `src.tmp-${process.pid}`);
  try {
    const modFile = await preparePatchedSource(go, workDir);
    await runGo(go, ['build', `-modfile=${modFile}`, '-trimpath', '-ldflags=-s -w', '-o', tmp, '.']);
    await rename(tmp, ferretBinaryPath);
  } finally {
    clearInterval(progress);
    await rm(tmp, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }

  log(`built FerretDB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ferretBinaryPath;
}
