import { openPglite } from './pglite.ts'
import { openPostgres } from './postgres.ts'
import type { Db } from './types.ts'

export type { Db, Tx, QueryResult } from './types.ts'
export { migrate, migrationsApplied } from './migrate.ts'

/** Real Postgres when a URL is given, else PGlite (in memory unless a data folder is given). */
export async function openDb(
  options: { databaseUrl?: string; dataDir?: string },
  onIdleError: (error: Error) => void,
): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, onIdleError) : openPglite(options.dataDir)
}
