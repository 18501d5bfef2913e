import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file whether it runs from source (tsx, vitest) or from dist/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'locales'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve('.');
    dir = parent;
  }
}

export const projectRoot = findRoot();
export const localesDir = join(projectRoot, 'locales');
