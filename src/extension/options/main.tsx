import { render } from 'preact'
import '../ui/style.css'
import { applyDocumentLocale, t } from '../i18n.ts'
import { CreatorDashboard } from './CreatorDashboard.tsx'

applyDocumentLocale()
document.title = t('dashboardTitle')
render(<CreatorDashboard />, document.getElementById('app')!)
