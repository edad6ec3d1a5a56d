// Connect's hosted onboarding page at an Account Link's `url`: the creator completes onboarding
// or leaves it for later, and is sent back to the platform's return_url (refresh_url when the
// link can no longer be used).
import { Hono, type Context } from 'hono'
import type { Account } from '../account.ts'
import { answerLink, visitLink } from '../onboarding.ts'
import { messagePage, onboardingPage } from '../pages.ts'
import { SECURITY_HEADERS } from './hosted.ts'

export function onboardingPages(account: Account): Hono {
  const pages = new Hono()
  const notFound = (c: Context) =>
    c.html(messagePage('Link not found', 'This onboarding link is not valid.', undefined, 'Connect'), 404, SECURITY_HEADERS)

  pages.get('/setup/:token', (c) => {
    const visit = visitLink(account, c.req.param('token'))
    switch (visit.kind) {
      case 'page':
        return c.html(onboardingPage(visit.connected, visit.link.token), 200, SECURITY_HEADERS)
      case 'refresh':
        return c.redirect(visit.url, 303)
      case 'unknown':
        return notFound(c)
    }
  })

  pages.post('/setup/:token', async (c) => {
    const body = await c.req.parseBody()
    const next = answerLink(account, c.req.param('token'), body.decision === 'complete' ? 'complete' : 'later')
    return next === undefined ? notFound(c) : c.redirect(next, 303)
  })

  return pages
}
