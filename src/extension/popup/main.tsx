import { render } from 'preact'
import '../ui/style.css'
import { applyDocumentLocale } from '../i18n.ts'
import { WalletPopup } from './WalletPopup.tsx'

applyDocumentLocale()
render(<WalletPopup />, document.getElementById('app')!)
