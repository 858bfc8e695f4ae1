import { Tag } from '@musyawarah/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const STAGE_TONE: Record<string, 'grey' | 'yellow' | 'green' | 'red' | 'blue'> = {
  not_started: 'grey',
  call_for_input: 'blue',
  assessment: 'blue',
  drafting: 'yellow',
  comment_period: 'green',
  finalisation: 'yellow',
  adoption: 'yellow',
  adopted: 'grey',
  closed: 'grey',
};

/** Where a cycle is, as a coloured tag. */
export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return <Tag tone={STAGE_TONE[stage] ?? 'grey'}>{t(`reviews.stage.${stage}`)}</Tag>;
}

const RESOLUTION_TONE: Record<string, 'green' | 'yellow' | 'red' | 'grey'> = {
  accepted: 'green',
  accepted_with_changes: 'green',
  rejected: 'red',
};

export function ResolutionTag({ resolution }: { resolution: string | null | undefined }) {
  const { t } = useTranslation();
  if (!resolution) return <Tag tone="grey">{t('reviews.resolution.unresolved')}</Tag>;
  return <Tag tone={RESOLUTION_TONE[resolution] ?? 'grey'}>{t(`reviews.resolution.${resolution}`)}</Tag>;
}

const POSITION_TONE: Record<string, 'green' | 'yellow' | 'red' | 'grey' | 'blue'> = {
  support: 'green',
  support_with_amendment: 'blue',
  object: 'red',
  abstain: 'grey',
};

export function PositionTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag tone={POSITION_TONE[kind] ?? 'grey'}>{t(`reviews.position.${kind}`)}</Tag>;
}

/** The sections of one cycle, as links (each is its own page, so reloads and shared links land on it). */
export function CycleSections({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const base = `/review/cycles/${cycleId}`;
  const items: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t('reviews.sections.timeline'), end: true },
    { to: `${base}/assessments`, label: t('reviews.sections.assessments') },
    { to: `${base}/edits`, label: t('reviews.sections.edits') },
    { to: `${base}/positions`, label: t('reviews.sections.positions') },
    { to: `${base}/adoption`, label: t('reviews.sections.adoption') },
  ];
  return (
    <nav aria-label={t('reviews.sections.label')}>
      <ul className="review-sections">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Saves text as a file the browser downloads (CSV exports are built from data already on screen). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 className="heading-l" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A table wider than a phone scrolls in its own region, which keyboard users must be able to focus and scroll. */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus (WCAG 2.1.1)
    <div className="review-matrix" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
