// `npm start`: compiles the TypeScript once — on the first start, and again only when a source file
// changed since the last build — then runs the compiled bot (dist/app/main.js). `npm run build`
// (`--build-only`) compiles without starting.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'dist', '.built');
const SOURCE_DIRS = ['app', 'bot', 'domain', 'jobs'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** A digest of everything that makes up dist/: contents, not times (`npm install` rewrites the lock file). */
function sourceDigest() {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else if (path.endsWith('.ts')) hash.update(`${relative(root, path)}\0`).update(readFileSync(path));
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) hash.update(`${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

const digest = sourceDigest();
const built = existsSync(stamp) && existsSync(join(root, 'dist', 'app', 'main.js')) ? readFileSync(stamp, 'utf8').trim() : '';
if (process.argv.includes('--build-only') || built !== digest) {
  process.stderr.write('compiling the bot (first start, or the sources changed)...\n');
  const started = Date.now();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    process.stderr.write('the TypeScript compilation failed (see above); nothing was started\n');
    process.exit(1);
  }
  writeFileSync(stamp, `${digest}\n`);
  process.stderr.write(`compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (!process.argv.includes('--build-only')) await import(pathToFileURL(join(root, 'dist', 'app', 'main.js')).href);
