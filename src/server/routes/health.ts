import { routes } from '../../shared/api.ts'
import { migrationsApplied } from '../db/index.ts'
import type { ApiApp } from '../http/env.ts'
import type { Services } from '../services.ts'

export function healthRoutes(app: ApiApp, s: Services): void {
  app.get(routes.health, (c) => c.json({ ok: true }))

  app.get(routes.ready, async (c) => {
    const ready = await migrationsApplied(s.db).catch(() => false)
    return c.json({ ok: ready }, ready ? 200 : 503)
  })
}
