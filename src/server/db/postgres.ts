// A real Postgres through a `pg` pool: what production runs, and the only place real row-lock
// contention between instances can happen.
import pg from 'pg'
import type { Db, Tx } from './types.ts'

const INT8_OID = 20
// Deadlocks and serialisation failures are safe to retry: the whole transaction rolled back.
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3
// Requests wait for a connection rather than open more: past a few per core, more connections
// only add contention on a 2-core database server. Override with the pool's own `max` in the URL.
const POOL_SIZE = 20

export function openPostgres(connectionString: string, onIdleError: (error: Error) => void): Db {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    // Balances are BIGINT; every amount the API handles is below 2^53, so numbers are exact.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // A pooled connection that dies while idle (database restart, network) must not crash the
  // process: the pool drops it and the next query opens a fresh one.
  pool.on('error', onIdleError)
  const on = (client: pg.Pool | pg.PoolClient): Tx => ({
    async query<R>(sql: string, params: unknown[] = []) {
      const result = await client.query({ name: statementName(sql), text: sql, values: params })
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 }
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  })
  const pooled = on(pool)
  return {
    async query<R>(sql: string, params: unknown[] = []) {
      // A statement on its own is its own transaction: rolled back whole, so safe to run again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await pooled.query<R>(sql, params)
        } catch (error) {
          if (attempt < ATTEMPTS && retryable(error)) continue
          throw error
        }
      }
    },
    exec: pooled.exec,
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const value = await fn(on(client))
          await client.query('COMMIT')
          return value
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined)
          if (attempt < ATTEMPTS && retryable(error)) continue
          throw error
        } finally {
          client.release()
        }
      }
    },
    close: () => pool.end(),
  }
}

function retryable(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code !== undefined && RETRYABLE.has(code)
}

// Every parameterised statement is prepared once per connection and then only executed: the API
// runs a small fixed set of statements many times, so parsing and planning each time is waste.
const names = new Map<string, string>()
function statementName(sql: string): string {
  let name = names.get(sql)
  if (!name) names.set(sql, (name = `tipline_${names.size + 1}`))
  return name
}
