import { existsSync } from 'node:fs';
import { config } from 'dotenv';

/** Reads ./.env if there is one; variables already in the environment win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) config({ path, quiet: true });
}
