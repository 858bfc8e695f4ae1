import { ErrorNotice, Loading, Page, Panel, useDocumentTitle } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSignIn, useMe } from '../../session';
import { useTRPC } from '../../trpc';
import './consultations.css';
import { isUuid, useLocalized, useRound, useZonedFormat } from './data';
import { RoundNotFound } from './RoundNotFound';

/** `/consultations/:id/receipt/:ref`: the confirmation, reachable again later from My contributions. */
export function ReceiptPage() {
  const { id = '', ref = '' } = useParams();
  if (!isUuid(id)) return <RoundNotFound />;
  return (
    <RequireSignIn>
      <Receipt roundId={id} reference={ref} />
    </RequireSignIn>
  );
}

function Receipt({ roundId, reference }: { roundId: string; reference: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const pick = useLocalized();
  const format = useZonedFormat();
  const round = useRound(roundId);
  const mine = useQuery(trpc.contributions.mine.queryOptions());
  useDocumentTitle(t('consultations.receipt.title'));
  if (mine.isPending || round.isPending) return <Loading />;
  if (mine.isError) return <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />;
  const contribution = mine.data.find((c) => c.roundId === roundId && c.receiptReference === reference);
  if (!contribution) {
    return (
      <Page title={t('consultations.receipt.unknownTitle')}>
        <p>{t('consultations.receipt.unknownBody', { reference })}</p>
        <p>
          <Link to="/my-contributions">{t('consultations.receipt.myContributions')}</Link>
        </p>
      </Page>
    );
  }
  const title = round.data ? pick(round.data.title) : null;
  return (
    <div className="two-thirds">
      <Panel title={t('consultations.receipt.title')}>
        <p>{t('consultations.receipt.referenceLabel')}</p>
        <p className="receipt-reference" data-receipt-reference={contribution.receiptReference}>
          <strong>{contribution.receiptReference}</strong>
        </p>
      </Panel>
      {title && (
        <p>
          {t('consultations.receipt.forRound')}{' '}
          <Link to={`/consultations/${roundId}`} lang={title.language}>
            {title.text}
          </Link>
        </p>
      )}
      {contribution.submittedAt && (
        <p>{t('consultations.receipt.submittedAt', { date: format(contribution.submittedAt) })}</p>
      )}
      <p>{t('consultations.receipt.emailCopy', { email: me.data?.email ?? '' })}</p>
      <p>{t('consultations.receipt.keepReference')}</p>
      <h2 className="heading-m">{t('consultations.receipt.nextTitle')}</h2>
      <ol className="list-number">
        <li>{t('consultations.receipt.next1')}</li>
        <li>{t('consultations.receipt.next2')}</li>
        <li>{t('consultations.receipt.next3')}</li>
      </ol>
      <p>
        <Link to="/my-contributions">{t('consultations.receipt.myContributions')}</Link>
      </p>
      <p>
        <Link to="/consultations">{t('consultations.receipt.otherRounds')}</Link>
      </p>
    </div>
  );
}
