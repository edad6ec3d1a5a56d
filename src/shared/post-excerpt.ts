// The first words of the post a tip is for, and their language, as the tip panel shows them: the
// reader sees which post they are paying for. Read from the page only when the panel opens, so
// attacker-written: plain text, cut short, and a language the browser can use or none.

export interface PostExcerpt {
  text: string
  /** A BCP 47 tag naming a human language, or null where the page names none (or only X's private "media", "hashtags" and the like). */
  lang: string | null
}

/** Code points the panel shows at most; CSS clamps it to a few lines besides. */
export const EXCERPT_MAX_CODE_POINTS = 200
/** The same limit in UTF-16 code units, for validators that count those: two per code point, and the ellipsis. */
export const EXCERPT_MAX_LENGTH = 2 * EXCERPT_MAX_CODE_POINTS + 1

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i
/** Undetermined, no linguistic content, and the private-use range X fills with "qme" (media only), "qht" (hashtags only) and more. */
const NO_LANGUAGE = /^(?:und|zxx|q[a-t][a-z])(?:-|$)/i

/** "en", "pt-BR", "zh-Hant-TW" stay; "qme", "und", "", "<b>" and the like → null. */
export function languageTag(raw: string | null | undefined): string | null {
  const tag = raw?.trim() ?? ''
  return tag.length <= 35 && TAG.test(tag) && !NO_LANGUAGE.test(tag) ? tag : null
}

/** The page's text as one line: runs of whitespace made one space, cut after EXCERPT_MAX_CODE_POINTS with an ellipsis; null if nothing is left. */
export function excerptText(raw: string | null | undefined): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim() ?? ''
  if (text === '') return null
  // By code points, so an emoji or a letter outside the BMP is never cut in half.
  const points = Array.from(text)
  return points.length <= EXCERPT_MAX_CODE_POINTS ? text : `${points.slice(0, EXCERPT_MAX_CODE_POINTS).join('').trimEnd()}…`
}
