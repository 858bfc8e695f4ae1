import { ErrorNotice, Loading } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import './consultations.css';
import { RoundCard } from './RoundCard';

/** The home page's open rounds, or `empty` (the page's own "nothing open" text) when there are none. */
export function OpenRoundsSection({ empty }: { empty: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const open = useQuery(trpc.rounds.listPublic.queryOptions({ phase: 'open' }));
  if (open.isPending) return <Loading />;
  if (open.isError) return <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />;
  if (open.data.length === 0) return <>{empty}</>;
  const rounds = [...open.data].sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  return (
    <>
      <ul className="round-list">
        {rounds.map((round) => (
          <RoundCard key={round.id} round={round} />
        ))}
      </ul>
      <p>
        <Link to="/consultations">{t('consultations.home.all')}</Link>
      </p>
    </>
  );
}
