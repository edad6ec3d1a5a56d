// Plain SQL migrations (migrations/NNN_name.sql), applied in file order at start and recorded in
// schema_migrations. The advisory lock makes a second instance starting at the same moment wait,
// then find everything applied.
import { readdir, readFile } from 'node:fs/promises'
import type { Db, Tx } from './types.ts'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)
const MIGRATION_LOCK = 7_461_001 // any constant; names this lock among the database's advisory locks

export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort()
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name))
    const applied: string[] = []
    for (const file of files) {
      if (done.has(file)) continue
      await apply(tx, file)
      applied.push(file)
    }
    return applied
  })
}

async function apply(tx: Tx, file: string): Promise<void> {
  await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'))
  await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file])
}

/** True when every migration file shipped with this build is recorded as applied. */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql'))
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM schema_migrations WHERE name = ANY($1::text[])',
    [files],
  )
  return rows[0]?.n === files.length
}
