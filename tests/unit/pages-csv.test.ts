// The dashboard's CSV writer: RFC 4180 records that a strict parser reads back cell for cell, and
// no cell that a spreadsheet would run as a formula.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { neutralise, toCsv } from '../../src/extension/options/csv.ts'

/** RFC 4180, strictly: every record ends in CRLF, a quote inside a quoted field is doubled, anything else is an error. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    let cell = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        cell += text[i]
        i++
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`)
        cell += text[i]
        i++
      }
    }
    record.push(cell)
    if (text[i] === ',') {
      i++
      continue
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`)
    i += 2
    records.push(record)
    record = []
  }
  return records
}

describe('CSV writer', () => {
  test('plain cells stay as they are, records end in CRLF', () => {
    expect(toCsv([['tip', '2026-11-24', 'USD', '5.50'], ['a', 'b', 'c', 'd']])).toBe('tip,2026-11-24,USD,5.50\r\na,b,c,d\r\n')
  })

  test('a comma, a quote or a line break puts the field in quotes, with quotes doubled', () => {
    expect(toCsv([['one, two', 'say "hi"', 'line\nbreak', 'cr\rhere']])).toBe('"one, two","say ""hi""","line\nbreak","cr\rhere"\r\n')
  })

  test.each(['=SUM(A1:A9)', '+1', '-2+3', '@cmd', '\tTAB', '\rCR'])('%j is neutralised with a leading apostrophe', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`)
    const [[read]] = parseCsv(toCsv([[cell]])) as [[string]]
    expect(read).toBe(`'${cell}`)
  })

  test('a formula hidden behind a quote is still neutralised inside its quotes', () => {
    expect(toCsv([['=HYPERLINK("http://evil","click")']])).toBe(`"'=HYPERLINK(""http://evil"",""click"")"\r\n`)
  })

  test('text that only contains formula characters later is left alone', () => {
    for (const cell of ['a=b', '5-3', 'mail@example.com', '']) expect(neutralise(cell)).toBe(cell)
  })

  test('any table reads back cell for cell, each cell neutralised', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ب', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', '5') })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows.map((row) => row.map(neutralise)))
      }),
    )
  })

  test('the parser in this test refuses what RFC 4180 refuses', () => {
    expect(() => parseCsv('a,b\n')).toThrow('CRLF')
    expect(() => parseCsv('a"b\r\n')).toThrow('bare quote')
    expect(() => parseCsv('"open\r\n')).toThrow('unterminated')
  })
})
