// The stand-in's substitute for Stripe.js (https://js.stripe.com/<train>/stripe.js): only what
// @stripe/stripe-js's loadStripe and embedded Checkout call. The stand-in serves this file with a
// last line that installs it with the stand-in's origin, publishable key and the release train
// asked for; browsers get it at Stripe's address through request routing (../browser.ts).

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the line the stand-in appends
function installStripe(standIn) {
  const EMBEDDED_PATH = '/c/embedded/'
  const COMPLETE = 'stand-in:checkout-complete'

  function Stripe(publishableKey) {
    if (typeof publishableKey !== 'string' || publishableKey.startsWith('sk_')) {
      throw new Error('Stripe.js takes a publishable key (pk_test_…), never a secret key.')
    }
    if (publishableKey !== standIn.publishableKey) throw new Error(`Invalid API Key provided: ${publishableKey}`)
    let current = null
    return {
      // loadStripe reports itself here; nothing to record.
      _registerWrapper() {},
      async createEmbeddedCheckoutPage(options) {
        if (current) throw new Error('You cannot have multiple Embedded Checkout objects at once; destroy the first.')
        if (options.onComplete) {
          throw new Error("The stand-in's sessions always redirect to return_url on completion; onComplete is not supported.")
        }
        const clientSecret = options.clientSecret ?? (await options.fetchClientSecret())
        if (typeof clientSecret !== 'string' || !/^cs_[A-Za-z0-9_]+_secret_[A-Za-z0-9]+$/.test(clientSecret)) {
          throw new Error('Invalid client secret: pass the Checkout Session\'s client_secret.')
        }
        current = embeddedCheckout(clientSecret, () => {
          current = null
        })
        return current
      },
    }
  }

  /** The payment form in a frame of the stand-in; a completed payment sends this page to return_url. */
  function embeddedCheckout(clientSecret, onDestroy) {
    const frame = document.createElement('iframe')
    frame.src = `${standIn.origin}${EMBEDDED_PATH}${encodeURIComponent(clientSecret)}`
    frame.title = 'Secure checkout'
    frame.style.width = '100%'
    frame.style.minHeight = '52rem'
    frame.style.border = '0'
    const onMessage = (event) => {
      if (event.source !== frame.contentWindow || event.origin !== standIn.origin) return
      if (event.data?.type === COMPLETE) window.location.assign(event.data.returnUrl)
    }
    let destroyed = false
    const checkout = {
      mount(location) {
        if (destroyed) throw new Error('This Embedded Checkout was destroyed; create a new one.')
        const container = typeof location === 'string' ? document.querySelector(location) : location
        if (!(container instanceof HTMLElement)) throw new Error(`No element to mount Embedded Checkout in: ${location}`)
        container.append(frame)
        window.addEventListener('message', onMessage)
      },
      unmount() {
        frame.remove()
        window.removeEventListener('message', onMessage)
      },
      destroy() {
        checkout.unmount()
        destroyed = true
        onDestroy()
      },
    }
    return checkout
  }

  // loadStripe compares this with the release train it was built for.
  Stripe.version = standIn.train
  window.Stripe = Stripe
}
