// The tip panel, shown in an iframe over a post. It runs only with the one-time token the
// background gave the Tip button (in the URL's hash); a page embedding the panel itself has none.
import { render } from 'preact'
import '../ui/style.css'
import { panelHeight } from '../../shared/panel-height.ts'
import { applyDocumentLocale, t } from '../i18n.ts'
import { TipPanel } from './TipPanel.tsx'

applyDocumentLocale()
const token = location.hash.slice(1)
const app = document.getElementById('app')!
if (token) {
  render(<TipPanel token={token} />, app)
  // The frame over the post is as tall as what the panel shows now: the form, then the held tip and its Undo.
  if (parent !== window) new ResizeObserver(() => parent.postMessage(panelHeight(app.getBoundingClientRect().height), '*')).observe(app)
} else {
  render(
    <main class="panel">
      <h1 class="panel-title">{t('extName')}</h1>
      <p>{t('panelNeedsButton')}</p>
    </main>,
    app,
  )
}
