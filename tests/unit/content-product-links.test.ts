// Which product a link on a page is for: by its address, or for a link X sent through t.co, by the
// address X writes into its text (scheme and tail in hidden spans, then an ellipsis).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { productIdAt, productIdOfLink, shownAddress } from '../../src/extension/content/product-link.ts'

const PAGES = 'https://api.tipline.example/p/'

/** What textContent reads from an element's markup: its text, every span's included (entities aside). */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '')

/** A t.co link in the markup X gives one (shared/sites/x), here standing for a product page. */
const HIDDEN = '<span aria-hidden="true" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-qlhcfr r-19qo34d r-qvk6io r-orgf3d r-u8s1d">'
const ELLIPSIS = '<span aria-hidden="true" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-lrvibr">…</span>'
const productLinkText = textOf(`${HIDDEN}https://</span>api.tipline.example/p/prd_${HIDDEN}Night-Trains_7</span>${ELLIPSIS}`)

describe('productIdAt', () => {
  test.each([
    ['https://api.tipline.example/p/prd_Night-Trains_7', 'prd_Night-Trains_7'],
    ['https://api.tipline.example/p/prd_abc/', 'prd_abc'],
    ['https://api.tipline.example/p/prd_abc?ref=x#top', 'prd_abc'],
    ['https://api.tipline.example/p/%70rd_abc', 'prd_abc'],
  ])('%s → %s', (address, id) => expect(productIdAt(address, PAGES)).toBe(id))

  test.each([
    'https://api.tipline.example/p/',
    'https://api.tipline.example/p/nope',
    'https://api.tipline.example/p/prd_<img>',
    'https://api.tipline.example/p/prd_%E0%A4%A', // not decodable
    'https://api.tipline.example.evil.example/p/prd_abc',
    'https://t.co/AuG0obJltN',
    'api.tipline.example/p/prd_abc', // what X shows, without the hidden scheme
  ])('%s is no product page', (address) => expect(productIdAt(address, PAGES)).toBeNull())
})

describe('a link X sent through t.co', () => {
  test('the text of a saved page\'s t.co link is the whole address it stands for', () => {
    const saved = readFileSync(resolve(import.meta.dirname, '../../../shared/sites/x/cpft-pr777-profile-badlogicgames.html'), 'utf8')
    const link = /<a [^>]*href="https:\/\/t\.co\/AuG0obJltN"[^>]*>([\s\S]*?)<\/a>/.exec(saved)
    expect(link).not.toBeNull()
    expect(shownAddress(textOf(link![1]!))).toBe('https://wired.com/story/heisse-preise-food-prices/')
  })

  test('a shortened link is for the product its text spells, cut or not', () => {
    expect(productIdOfLink({ href: 'https://t.co/Xy12AbCd34', textContent: productLinkText }, true, PAGES)).toBe('prd_Night-Trains_7')
    const uncut = textOf(`${HIDDEN}https://</span>api.tipline.example/p/prd_ab`)
    expect(productIdOfLink({ href: 'https://t.co/Xy12AbCd34', textContent: uncut }, true, PAGES)).toBe('prd_ab')
  })

  test('only a link the site shortened is read by its text', () => {
    expect(productIdOfLink({ href: 'https://elsewhere.example/', textContent: productLinkText }, false, PAGES)).toBeNull()
  })

  test('a link straight to the product page is read by its address', () => {
    expect(productIdOfLink({ href: `${PAGES}prd_direct`, textContent: 'the zine' }, false, PAGES)).toBe('prd_direct')
  })

  test.each([
    ['a card naming the site', 'From api.tipline.example'],
    ['another address', textOf(`${HIDDEN}https://</span>wired.com/story/heisse-p${HIDDEN}reise-food-prices/</span>${ELLIPSIS}`)],
    ['a product page of another API', textOf(`${HIDDEN}https://</span>tipline.evil.example/p/prd_abc`)],
  ])('%s is no product', (_what, text) => expect(productIdOfLink({ href: 'https://t.co/Xy12AbCd34', textContent: text }, true, PAGES)).toBeNull())
})
