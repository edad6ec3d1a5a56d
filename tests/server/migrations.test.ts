// Two instances starting at once against one fresh Postgres: the advisory lock lets one apply
// the migrations while the other waits, then finds them applied. Real Postgres only.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { startApi } from '../../src/server/index.ts'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.warn('\n*** SKIPPING concurrent-migration test: it needs real Postgres; set DATABASE_URL=postgres://… ***\n')
}

describe.runIf(databaseUrl)('migrations on Postgres', () => {
  test('two instances starting together apply each migration exactly once', async () => {
    const schema = `migrate_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    try {
      const url = new URL(databaseUrl!)
      url.searchParams.set('options', `-c search_path=${schema}`)
      const config = {
        port: 0,
        databaseUrl: url.toString(),
        stripe: { secretKey: 'sk_test_unused', webhookSecret: 'whsec_unused' },
        logger: () => undefined,
      }
      const apis = await Promise.all([startApi(config), startApi(config)])
      try {
        const { rows } = await admin.query(`SELECT name, count(*)::int AS n FROM ${schema}.schema_migrations GROUP BY name`)
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true)
        for (const api of apis) expect((await fetch(`${api.url}/ready`)).status).toBe(200)
      } finally {
        await Promise.all(apis.map((api) => api.close()))
      }
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    }
  })
})
