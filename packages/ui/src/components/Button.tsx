import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from './cx';

type Variant = 'primary' | 'secondary' | 'warning';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'normal' | 'small' | 'start';
  /** While a request runs: the button stays focusable (aria-disabled) but ignores presses, so nothing is sent twice. */
  isBusy?: boolean;
}

function buttonClass(variant: Variant, size: ButtonProps['size'], className?: string) {
  return cx(
    'button',
    variant !== 'primary' && `button--${variant}`,
    size === 'small' && 'button--small',
    size === 'start' && 'button--start',
    className,
  );
}

export function Button({
  variant = 'primary',
  size = 'normal',
  isBusy = false,
  type = 'button',
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (isBusy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, size, className)}
      aria-disabled={isBusy || rest['aria-disabled'] ? true : undefined}
      onClick={handleClick}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  variant = 'primary',
  size = 'normal',
  className,
  ...rest
}: LinkProps & { variant?: Variant; size?: ButtonProps['size'] }) {
  return <Link {...rest} className={buttonClass(variant, size, className)} />;
}

/** A button styled as a link, for actions such as "Sign out" or "Revoke". */
export function LinkButton({
  className,
  tone,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: 'warning' }) {
  return (
    <button
      {...rest}
      type={type}
      className={cx('link-button', tone === 'warning' && 'link-button--warning', className)}
    />
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="button-group">{children}</div>;
}
