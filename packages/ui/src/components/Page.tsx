import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cx } from './cx';

interface PageContextValue {
  setHasError(hasError: boolean): void;
}

const PageContext = createContext<PageContextValue | null>(null);

/** Lets a form on the page prefix the document title with "Error:" while its error summary shows (GOV.UK pattern). */
export function usePageErrorFlag(): PageContextValue | null {
  return useContext(PageContext);
}

/** Sets `document.title` to "Page – Musyawarah" (with an "Error:" prefix when asked). */
export function useDocumentTitle(title: string, hasError = false) {
  const { t } = useTranslation();
  const service = t('layout.serviceName');
  useEffect(() => {
    const base = title ? t('layout.documentTitle', { title, service }) : service;
    document.title = hasError ? t('layout.documentTitleError', { title: base }) : base;
  }, [title, service, hasError, t]);
}

export interface PageProps {
  /** The page's one h1; also the document title. */
  title: string;
  /** Small text above the h1 ("Your account"). */
  caption?: string;
  /** Document title when it should differ from the h1. */
  documentTitle?: string;
  backLink?: { to: string; label: string };
  /** `narrow` keeps forms and prose to a readable two-thirds column on wide screens. */
  width?: 'narrow' | 'full';
  children?: ReactNode;
}

/** A page: back link, caption, the single h1 and the content, with the document title kept in sync. */
export function Page({ title, caption, documentTitle, backLink, width = 'narrow', children }: PageProps) {
  const [hasError, setHasError] = useState(false);
  useDocumentTitle(documentTitle ?? title, hasError);
  const value = useMemo(() => ({ setHasError }), []);
  return (
    <PageContext.Provider value={value}>
      {backLink && <BackLink to={backLink.to}>{backLink.label}</BackLink>}
      <div className={cx(width === 'narrow' && 'two-thirds')}>
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          {caption && <span className="caption">{caption}</span>}
          {title}
        </h1>
        {width === 'narrow' && children}
      </div>
      {width === 'full' && children}
    </PageContext.Provider>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      {children}
    </Link>
  );
}
