import { render } from 'preact'
import '../ui/style.css'
import { db } from '../db.ts'
import { applyDocumentLocale } from '../i18n.ts'
import { WalletPopup } from './WalletPopup.tsx'

// Opening IndexedDB is the slowest step to the first balance: start it before the first render,
// not when the live queries subscribe after it.
db.open().catch((error: unknown) => console.error('Tipline: opening the local cache failed', error))
applyDocumentLocale()
render(<WalletPopup />, document.getElementById('app')!)
