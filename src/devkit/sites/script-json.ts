// Data a stand-in page's own script reads, written into the page.

/** JSON inside a <script>: "<" escaped so no post text can close the element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * A JSON script element, and the expression that reads it back in the page. Parsed as JSON rather
 * than compiled as part of a script: X's 2,000-post timeline (about 700 KB) as a script literal made
 * a 59–77 ms long task at load, which the content benchmark would count against the extension in
 * whichever run it fell.
 */
export function jsonScript(id: string, value: unknown): { element: string; read: string } {
  return {
    element: `<script type="application/json" id="${id}">${scriptJson(value)}</script>`,
    read: `JSON.parse(document.getElementById(${JSON.stringify(id)}).textContent)`,
  }
}
