import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mapServerError } from '../errors/server-error';
import { useMessage } from '../i18n/translate';
import { Button } from './Button';
import { cx } from './cx';

export interface NotificationBannerProps {
  tone?: 'important' | 'success' | 'error';
  /** Short label in the coloured bar; defaults to "Important" / "Success" / "There is a problem". */
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
  /** Move focus to the banner when it appears (after an action on the same page). */
  focusOnMount?: boolean;
}

export function NotificationBanner({
  tone = 'important',
  title,
  heading,
  children,
  focusOnMount,
}: NotificationBannerProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  const label = title ?? t(`layout.notification.${tone}`);
  return (
    <div
      ref={ref}
      className={cx('notification', tone !== 'important' && `notification--${tone}`)}
      role={tone === 'important' ? 'region' : 'alert'}
      aria-labelledby={titleId}
      tabIndex={focusOnMount ? -1 : undefined}
    >
      <div className="notification__header">
        <h2 className="notification__title" id={titleId}>
          {label}
        </h2>
      </div>
      <div className="notification__content">
        {heading && <p className="notification__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}

/** Confirmation panel at the top of a "done" page (GOV.UK panel). The title is the page's h1. */
export function Panel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="panel">
      <h1 className="panel__title" tabIndex={-1} data-page-heading="">
        {title}
      </h1>
      {children && <div className="panel__body">{children}</div>}
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <p className="warning-text__text">
        <span className="visually-hidden">{t('layout.warning')} </span>
        {children}
      </p>
    </div>
  );
}

export function Tag({
  tone,
  children,
}: {
  tone?: 'blue' | 'grey' | 'green' | 'red' | 'yellow';
  children: ReactNode;
}) {
  return <strong className={cx('tag', tone && tone !== 'blue' && `tag--${tone}`)}>{children}</strong>;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t('layout.loading')}</span>
    </div>
  );
}

/** Shows why a query failed (translated API key, network failure) with an optional "Try again". */
export function ErrorNotice({
  error,
  onRetry,
  heading,
}: {
  error: unknown;
  onRetry?: () => void;
  heading?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const tm = useMessage();
  const mapped = mapServerError(error, (key) => i18n.exists(key));
  return (
    <NotificationBanner tone="error" heading={heading}>
      <p>{tm(mapped.message ?? { key: 'errors.internal' })}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('layout.tryAgain')}
        </Button>
      )}
    </NotificationBanner>
  );
}

export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="details">
      <summary className="details__summary">{summary}</summary>
      <div className="details__text">{children}</div>
    </details>
  );
}
