// Embedded Checkout's last page, in its frame on the merchant's page: tells the stand-in's
// Stripe.js there that the payment is done and where the customer goes next. Only the merchant's
// origin (from the session's return_url) may hear it.
const done = document.getElementById('checkout-complete')
if (done && window.parent !== window) {
  window.parent.postMessage(
    { type: 'stand-in:checkout-complete', returnUrl: done.dataset.returnUrl },
    done.dataset.merchantOrigin,
  )
}
