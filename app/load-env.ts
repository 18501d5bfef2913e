// Imported first by the demo and the benches: `.env` is read before any module looks at process.env.
import { loadEnvFile } from './env-file.js';

loadEnvFile();
