import type { ComponentChildren } from 'preact'

/** A problem shown next to the thing it is about; the field points here with aria-describedby. */
export function ErrorText({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <p id={id} class="error-text" role="alert">
      {children}
    </p>
  )
}
