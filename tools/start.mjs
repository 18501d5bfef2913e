// `npm start`: compiles the TypeScript once — on the first start, and again only when a source file
// changed since the last build — then runs the compiled bot (dist/app/main.js). `npm run build`
// (`--build-only`) compiles without starting.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'dist', '.built');
const SOURCE_DIRS = ['app', 'bot', 'domain', 'jobs'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time among the sources that make up dist/. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const info = statSync(path);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (path.endsWith('.ts')) newest = Math.max(newest, info.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

if (process.argv.includes('--build-only') || !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource()) {
  process.stderr.write('compiling the bot (first start, or the sources changed)...\n');
  const started = Date.now();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    process.stderr.write('the TypeScript compilation failed (see above); nothing was started\n');
    process.exit(1);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.stderr.write(`compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (!process.argv.includes('--build-only')) await import(pathToFileURL(join(root, 'dist', 'app', 'main.js')).href);
