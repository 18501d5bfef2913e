// `.env` for `npm start`, the demo and the benches, as docker compose already reads it: each line
// fills a variable the real environment does not set (the real environment wins). ENV_FILE names
// another file; a missing file is no error.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Returns the file it read, or undefined when there was none. */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = resolve(env.ENV_FILE || '.env');
  if (!existsSync(path)) return undefined;
  const values = parseEnv(readFileSync(path, 'utf8'));
  for (const [name, value] of Object.entries(values)) {
    if (env[name] === undefined) env[name] = value;
  }
  return path;
}
