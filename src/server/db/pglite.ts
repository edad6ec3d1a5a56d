// The embedded default: Postgres compiled to WebAssembly, in memory or in a data folder.
import { PGlite } from '@electric-sql/pglite'
import { Mutex } from './mutex.ts'
import type { Db, Tx } from './types.ts'

export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir)
  const lock = new Mutex()
  const direct: Tx = {
    async query<R>(sql: string, params: unknown[] = []) {
      const result = await pg.query<R>(sql, params)
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length }
    },
    async exec(sql: string) {
      await pg.exec(sql)
    },
  }
  return {
    query: (sql, params) => lock.run(() => direct.query(sql, params)),
    exec: (sql) => lock.run(() => direct.exec(sql)),
    transaction: (fn) =>
      lock.run(async () => {
        await pg.exec('BEGIN')
        try {
          const value = await fn(direct)
          await pg.exec('COMMIT')
          return value
        } catch (error) {
          await pg.exec('ROLLBACK')
          throw error
        }
      }),
    close: () => lock.run(() => pg.close()),
  }
}
