// The product page's embedded Checkout: @stripe/stripe-js loads Stripe.js, which mounts Stripe's
// payment form in place of the Pay button. The button's form stays until the payment form is in
// the page and stays for good if Stripe.js cannot load (blocked, offline, too slow), so the page
// always pays. The form's attempt key also keys the embedded session, so a retried request gets
// the same session back.
import { loadStripe } from '/assets/stripe-js.mjs'

const LOAD_TIMEOUT_MS = 15_000

const container = document.getElementById('embedded-checkout')
const status = document.getElementById('checkout-status')
const hostedForm = document.getElementById('hosted-checkout')

/** Rejects when `promise` has not settled in time: a hung script load must not leave the buyer waiting. */
function inTime(promise) {
  return Promise.race([
    promise,
    new Promise((_resolve, reject) => setTimeout(() => reject(new Error('Stripe.js did not load in time')), LOAD_TIMEOUT_MS)),
  ])
}

async function fetchClientSecret() {
  const response = await fetch(container.dataset.checkoutUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': container.dataset.attempt },
    body: JSON.stringify({ ui: 'embedded' }),
  })
  const answer = await response.json()
  if (!response.ok) throw new Error(answer.error?.message ?? `Checkout answered ${response.status}`)
  return answer.clientSecret
}

async function mountCheckout() {
  status.textContent = 'Loading secure checkout…'
  try {
    const stripe = await inTime(loadStripe(container.dataset.publishableKey))
    if (!stripe) throw new Error('Stripe.js is not available in this page')
    const checkout = await inTime(stripe.createEmbeddedCheckoutPage({ fetchClientSecret }))
    checkout.mount(container)
    hostedForm.hidden = true
    status.textContent = ''
  } catch (error) {
    console.warn('Embedded checkout is unavailable; the Pay button uses Stripe’s checkout page.', error)
    status.textContent = 'Secure checkout could not load here. Use the Pay button to pay on Stripe’s checkout page.'
  }
}

void mountCheckout()
