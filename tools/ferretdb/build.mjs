// `npm run db:build`: builds tools/ferretdb/bin/ferretdb-embedded if it is missing or stale.
import { ensureFerretBinary } from './build-lib.mjs';

try {
  const path = await ensureFerretBinary();
  process.stderr.write(`[ferretdb] binary ready: ${path}\n`);
} catch (err) {
  process.stderr.write(`[ferretdb] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
