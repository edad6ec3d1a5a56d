// What the Pay specs share: a product for sale (through the dashboard, as a creator makes one) and
// the measures of a Pay button's place on a post: layout shift since the page's first byte, and
// which boxes it covers.
import type { BrowserContext, Locator, Page } from '@playwright/test'
import type { Options } from './options.ts'
import { Payouts } from './payouts.ts'
import { Products } from './products.ts'

export const ZINE = { title: 'Night Trains zine', price: '15.00', description: 'Forty pages of sleepers.' }

/** Connects payouts and creates the zine in the dashboard; returns its product page's address. */
export async function sellZine(context: BrowserContext, options: Options): Promise<string> {
  const dashboard = await options.open()
  await new Payouts(context, dashboard).connect()
  return new Products(dashboard).create(ZINE)
}

/** Every layout shift on the page from its first byte, summed as the Layout Instability API scores them (an init script). */
export function countLayoutShifts(): void {
  const shifts = { total: 0 }
  Object.assign(window, { tiplineLayoutShift: shifts })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
      if (!entry.hadRecentInput) shifts.total += entry.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

/** The layout shift so far, once two frames have passed (entries are reported after the frame). */
export const layoutShift = (page: Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame)
    return (window as unknown as { tiplineLayoutShift: { total: number } }).tiplineLayoutShift.total
  })

export type Box = { x: number; y: number; width: number; height: number }

/** Two boxes share some of their area. */
export const overlap = (a: Box | null, b: Box | null) =>
  a !== null && b !== null && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** a lies wholly inside b. */
export const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height

export async function boxesOf(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as Box))
}
