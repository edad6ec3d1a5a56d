import type { ButtonHTMLAttributes } from 'preact'

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'quiet' }

export function Button({ variant = 'secondary', type = 'button', class: extra, ...rest }: ButtonProps) {
  return <button type={type} class={['button', `button--${variant}`, extra].filter(Boolean).join(' ')} {...rest} />
}
