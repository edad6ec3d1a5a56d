// The Pay button on a post that links to a product: it takes its place without moving anything on
// the page (it shows once its price arrives, after the Tip button is in place), covers nothing of the
// post, and is a named button the keyboard reaches and presses into hosted checkout.
import { test, expect } from './fixtures.ts'
import { POOL_SIZE, ROW_HEIGHT, routeXStandIn, standInPosts } from '../../src/devkit/sites/x/index.ts'
import { boxesOf, countLayoutShifts, layoutShift, overlap, sellZine, ZINE } from './pages/pay-post.ts'

test('Pay takes its place without moving anything or covering the post, and works from the keyboard', async ({ context, options, x }) => {
  const pageUrl = await sellZine(context, options)

  await context.addInitScript(countLayoutShifts)
  await routeXStandIn(context, { links: { 0: pageUrl } })
  const timeline = await x.open()
  const post = timeline.locator('article[data-testid="tweet"]').filter({ has: timeline.locator('tipline-pay') })
  const tip = post.locator('tipline-button').getByRole('button')
  const pay = post.locator('tipline-pay').getByRole('button', { name: `Pay $15.00 for ${ZINE.title}` })
  // As on X, the post links through t.co; the address is in the link's text.
  await expect(post.getByTestId('tweetText').getByRole('link')).toHaveAttribute('href', /^https:\/\/t\.co\/\w+$/)
  await expect(pay).toBeVisible()
  await expect(pay).toHaveText('Pay $15.00')
  await expect(tip).toBeVisible()
  expect(await layoutShift(timeline)).toBe(0)

  // In the room the header row leaves before "More" (the bar has none beside Tip), over nothing of the post's.
  const payBox = await pay.boundingBox()
  const more = post.getByRole('button', { name: 'More' })
  const moreBox = await more.boundingBox()
  expect(payBox!.x + payBox!.width).toBeLessThanOrEqual(moreBox!.x)
  expect(payBox!.y + payBox!.height).toBeGreaterThan(moreBox!.y)
  expect(payBox!.y).toBeLessThan(moreBox!.y + moreBox!.height)
  const covered = [post.getByTestId('User-Name'), post.locator('time'), post.getByTestId('tweetText'), post.getByRole('group').locator('[data-testid], a, tipline-button')]
  for (const box of (await Promise.all(covered.map(boxesOf))).flat()) expect(overlap(payBox, box)).toBe(false)

  // Tab from "More" reaches Pay; Enter opens the product's hosted checkout.
  await more.focus()
  await timeline.keyboard.press('Tab')
  await expect(pay).toBeFocused()
  const checkout = context.waitForEvent('page')
  await timeline.keyboard.press('Enter')
  await expect(await checkout).toHaveURL(/\/c\/pay\/cs_/)
})

test('Pay leaves a row the timeline recycles for another post, and comes back with its post', async ({ context, options, x }) => {
  const pageUrl = await sellZine(context, options)

  await routeXStandIn(context, { links: { 0: pageUrl } })
  const timeline = await x.open()
  const pay = timeline.locator('tipline-pay')
  const linking = timeline.locator('article[data-testid="tweet"]').filter({ has: pay }).locator('tipline-button')
  const [first] = standInPosts(1)
  await expect(linking).toHaveAttribute('data-post-id', first!.id)

  // Far enough down that the first post's row is reused for a later post: Pay goes with its post (on X
  // the re-rendered header takes it along), and comes back when a later pass meets the post again.
  const recycled = standInPosts(POOL_SIZE + 1)[POOL_SIZE]!
  await timeline.evaluate((y) => scrollTo(0, y), (POOL_SIZE + 2) * ROW_HEIGHT)
  await expect(timeline.locator(`tipline-button[data-post-id="${recycled.id}"]`)).toHaveCount(1)
  await expect(pay).toHaveCount(0)

  await timeline.evaluate(() => scrollTo(0, 0))
  await expect(linking).toHaveAttribute('data-post-id', first!.id)
  await expect(pay).toHaveCount(1)
})
