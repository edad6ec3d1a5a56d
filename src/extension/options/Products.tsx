// The dashboard's Products section: make a product (title, price typed in the creator's own
// notation and read strictly, currency, description) and list them with their public pages,
// the links a creator puts in a post so readers get a Pay button under it.
import { useId, useState } from 'preact/hooks'
import { PRODUCT_DESCRIPTION_MAX, PRODUCT_TITLE_MAX, type Product } from '../../shared/api.ts'
import { CURRENCY_CODES, DEFAULT_CURRENCY, isSupportedCurrency, type CurrencyCode } from '../../shared/currencies.ts'
import { parseAmount } from '../../shared/money.ts'
import { t, uiLocale } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { ErrorText } from '../ui/ErrorText.tsx'
import { Money } from '../ui/Money.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { errorCode } from '../ui/send-error.ts'
import { amountProblemWords, errorWords } from '../ui/words.ts'
import { useFreshRead } from './use-fresh-read.ts'

type Problems = { title?: string; price?: string; form?: string }

const readProducts = () => send('products.list')

export function Products() {
  const id = useId()
  const { view: products, problem: loadProblem, reload: load } = useFreshRead(readProducts)
  const [title, setTitle] = useState('')
  const [priceText, setPriceText] = useState('')
  const [currency, setCurrency] = useState<CurrencyCode>(DEFAULT_CURRENCY)
  const [description, setDescription] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  // One key per product being written: a resend of the same form is the same product.
  const [key, setKey] = useState(() => crypto.randomUUID())

  async function submit(event: Event) {
    event.preventDefault()
    setCreated(null)
    const price = parseAmount(priceText, currency, uiLocale())
    const found: Problems = {
      ...(title.trim() === '' ? { title: t('productTitleRequired') } : {}),
      ...(!price.ok ? { price: amountProblemWords({ code: price.code }, currency) } : {}),
    }
    setProblems(found)
    if (!price.ok || found.title) return
    setBusy(true)
    try {
      const product = await send('products.create', { title: title.trim(), price: price.minor, currency, description: description.trim(), key })
      setTitle('')
      setPriceText('')
      setDescription('')
      setKey(crypto.randomUUID())
      setCreated(product.title)
      load()
    } catch (error) {
      const code = errorCode(error)
      setProblems({ form: code === 'payouts_not_ready' ? t('productsNeedPayouts') : errorWords(code) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="stack" aria-labelledby="products-heading" data-testid="products">
      <h2 id="products-heading">{t('productsHeading')}</h2>
      {loadProblem && <ProblemNotice code={loadProblem} onRetry={load} testId="products-problem" />}
      <form class="stack" onSubmit={submit}>
        <fieldset class="stack" disabled={busy}>
          <legend>{t('productsNewLegend')}</legend>
          <div class="field">
            <label class="field-label" for={`${id}-title`}>
              {t('productTitleLabel')}
            </label>
            <input
              id={`${id}-title`}
              class="text-input"
              type="text"
              maxLength={PRODUCT_TITLE_MAX}
              data-testid="product-title"
              value={title}
              aria-invalid={problems.title ? true : undefined}
              aria-describedby={problems.title ? `${id}-title-problem` : undefined}
              onInput={(event) => setTitle(event.currentTarget.value)}
            />
            {problems.title && <ErrorText id={`${id}-title-problem`}>{problems.title}</ErrorText>}
          </div>
          <div class="field-row">
            <div class="field">
              <label class="field-label" for={`${id}-price`}>
                {t('productPriceLabel')}
              </label>
              <input
                id={`${id}-price`}
                class="text-input"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                data-testid="product-price"
                value={priceText}
                aria-invalid={problems.price ? true : undefined}
                aria-describedby={problems.price ? `${id}-price-problem` : undefined}
                onInput={(event) => setPriceText(event.currentTarget.value)}
              />
              {problems.price && <ErrorText id={`${id}-price-problem`}>{problems.price}</ErrorText>}
            </div>
            <div class="field">
              <label class="field-label" for={`${id}-currency`}>
                {t('productCurrencyLabel')}
              </label>
              <select
                id={`${id}-currency`}
                class="text-input"
                data-testid="product-currency"
                value={currency}
                onChange={(event) => {
                  const chosen = event.currentTarget.value
                  if (isSupportedCurrency(chosen)) setCurrency(chosen)
                }}
              >
                {CURRENCY_CODES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="field">
            <label class="field-label" for={`${id}-description`}>
              {t('productDescriptionLabel')}
            </label>
            <textarea
              id={`${id}-description`}
              class="text-input"
              rows={3}
              maxLength={PRODUCT_DESCRIPTION_MAX}
              data-testid="product-description"
              value={description}
              onInput={(event) => setDescription(event.currentTarget.value)}
            />
          </div>
          {problems.form && <ErrorText id={`${id}-form-problem`}>{problems.form}</ErrorText>}
          <div>
            <Button type="submit" variant="primary" data-testid="product-create">
              {t('productCreate')}
            </Button>
          </div>
          <p role="status">{created !== null && t('productCreated', created)}</p>
        </fieldset>
      </form>
      {products !== null && <ProductList products={products} />}
    </section>
  )
}

function ProductList({ products }: { products: Product[] }) {
  if (products.length === 0) return <p class="muted">{t('productsNone')}</p>
  return (
    <ul class="plain-list stack" data-testid="product-list">
      {products.map((product) => (
        <li key={product.id} data-testid="product">
          <bdi>{product.title}</bdi> · <Money minor={product.price} currency={product.currency} /> ·{' '}
          <a href={product.pageUrl} target="_blank" rel="noopener" data-testid="product-link">
            {t('productPublicLink')}
          </a>
        </li>
      ))}
    </ul>
  )
}
