import { useTranslation } from 'react-i18next';
import { cx } from './cx';
import './Diff.css';

/** One stretch of a word-level diff, as `diffText` in @musyawarah/core/editions returns it. */
export interface DiffPart {
  type: 'equal' | 'insert' | 'delete';
  value: string;
}

export interface DiffProps {
  parts: readonly DiffPart[];
  className?: string;
}

/**
 * A word-level diff in running text: deleted words struck through in <del>, inserted words underlined in <ins>. Colour
 * is never the only sign — the line-through and underline stay in forced-colours mode — and each change opens and closes
 * with visually hidden words, because screen readers do not announce <del> and <ins> by default.
 */
export function Diff({ parts, className }: DiffProps) {
  const { t } = useTranslation();
  return (
    <span className={cx('diff', className)}>
      {parts.map((part, index) => {
        if (part.type === 'equal') return <span key={index}>{part.value}</span>;
        const Tag = part.type === 'insert' ? 'ins' : 'del';
        const kind = part.type === 'insert' ? 'inserted' : 'deleted';
        // Spaces at the edges of a change stay outside the mark, so the highlight covers words, not the gaps between.
        const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.value) ?? [];
        const edges = words !== '';
        return (
          <span key={index}>
            {edges && before}
            <Tag className={`diff__${part.type}`}>
              <span className="visually-hidden">{t(`edition.diff.${kind}Start`)} </span>
              {edges ? words : part.value}
              <span className="visually-hidden"> {t(`edition.diff.${kind}End`)}</span>
            </Tag>
            {edges && after}
          </span>
        );
      })}
    </span>
  );
}

/** Says how inserted and deleted text look, with a sample of each; put it once above a set of diffs. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <p className="diff-legend">
      <span>{t('edition.diff.legend')}</span>{' '}
      <ins className="diff__insert">{t('edition.diff.legendInserted')}</ins>{' '}
      <del className="diff__delete">{t('edition.diff.legendDeleted')}</del>
    </p>
  );
}
