import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
// Here, not in the barrel: the bundler skips a re-exporting index's own imports, and every chart uses this figure.
import './charts.css';

/**
 * A chart as a figure: the caption names it and states what it shows in words (the text a screen reader reads, and a
 * summary for everyone), the drawing is hidden from assistive technology, and the numbers are in a table behind a
 * disclosure (opened for printing, so a printed page carries them too).
 */
export function ChartFigure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: ReactNode;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const captionId = useId();
  useEffect(() => {
    const open = () => details.current?.setAttribute('open', '');
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption className="chart__caption">
        <span className="chart__title" id={captionId}>
          {title}
        </span>
        <span className="chart__summary">{summary}</span>
      </figcaption>
      <div className="chart__drawing" aria-hidden="true">
        {children}
      </div>
      <details className="details chart__data" ref={details}>
        <summary className="details__summary">{t('charts.kit.showTable', { title })}</summary>
        <div className="details__text">{table}</div>
      </details>
    </figure>
  );
}

/** The width a drawing has to fill, followed as the window changes (SVG text then stays at its real size). */
export function useWidth<T extends HTMLElement>(fallback = 640): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const node = ref.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
