// The tip panel, shown in an iframe over a post. It runs only with the one-time token the
// background gave the Tip button (in the URL's hash); a page embedding the panel itself has none.
import { render } from 'preact'
import '../ui/style.css'
import { applyDocumentLocale, t } from '../i18n.ts'
import { TipPanel } from './TipPanel.tsx'

applyDocumentLocale()
const token = location.hash.slice(1)
const app = document.getElementById('app')!
if (token) {
  render(<TipPanel token={token} />, app)
} else {
  render(
    <main class="panel">
      <h1 class="panel-title">{t('extName')}</h1>
      <p>{t('panelNeedsButton')}</p>
    </main>,
    app,
  )
}
