// GET /v1/site-config: the selector overrides every extension picks up, so a site's redesign is
// answered by editing one JSON file on the server, not by a store release. The file named by
// TIPLINE_SITE_CONFIG is read on every request (it is small and rarely asked for), so an edit takes
// effect without a restart; without the variable there are no overrides.
import { readFile } from 'node:fs/promises'
import { routes } from '../../shared/api.ts'
import { NO_OVERRIDES, SiteConfig } from '../../shared/site-config.ts'
import { ApiFailure } from '../http/errors.ts'
import type { ApiApp } from '../http/env.ts'
import type { Services } from '../services.ts'

export function siteConfigRoutes(app: ApiApp, s: Services, file = process.env.TIPLINE_SITE_CONFIG): void {
  app.get(routes.siteConfig, async (c) => {
    if (!file) return c.json(NO_OVERRIDES)
    const text = await readFile(file, 'utf8')
    const parsed = SiteConfig.safeParse(parseJson(text))
    if (!parsed.success) {
      // Serving a broken document would only make every client drop it: say so where the operator looks.
      s.log({ msg: 'site config invalid', file, issue: parsed.error.issues[0] })
      throw new ApiFailure(500, 'site_config_invalid', 'The site selector document on this server is invalid.')
    }
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(parsed.data)
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
