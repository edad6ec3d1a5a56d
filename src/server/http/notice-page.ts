// The API's own small pages that a person lands on after Stripe (checkout returned or cancelled,
// onboarding done or expired): a title and a sentence. Self-contained: no scripts, fonts or images.
import { html } from 'hono/html'

export interface Notice {
  title: string
  detail: string
}

export const noticePage = ({ title, detail }: Notice) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Tipline</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1f; }
      h1 { font-size: 1.5rem; }
    </style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <p>${detail}</p>
    </main>
  </body>
</html>`
