// PGlite in a data folder: what was written survives a restart, and migrations are not re-run.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { startApi } from '../../src/server/index.ts'
import { call, signIn } from './support/device.ts'

test('an account and its wallet currency survive a restart, and migrations run once', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tipline-api-'))
  const logs: Array<Record<string, unknown>> = []
  const config = {
    port: 0,
    dataDir,
    stripe: { secretKey: 'sk_test_unused', webhookSecret: 'whsec_unused' },
    logger: (line: Record<string, unknown>) => logs.push(line),
  }
  try {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
    const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey)
    const publicKey = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }

    const first = await startApi(config)
    const { body: registered } = await call(first.url, 'POST', routes.accounts, { publicKey })
    await first.db.query(`UPDATE accounts SET wallet_currency = 'USD' WHERE id = $1`, [registered.accountId])
    await first.close()

    const second = await startApi(config)
    try {
      const again = await call(second.url, 'POST', routes.accounts, { publicKey })
      expect(again.body.accountId).toBe(registered.accountId)
      const token = await signIn(second.url, registered.accountId, keys.privateKey)
      const wallet = await call(second.url, 'GET', routes.wallet, undefined, { authorization: `Bearer ${token}` })
      expect(wallet.body).toMatchObject({ accountId: registered.accountId, currency: 'USD' })
      expect(logs.filter((l) => l.msg === 'migrations applied')).toHaveLength(1)
    } finally {
      await second.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
