import { ErrorNotice, Loading, Page, errorStatus, noticeOnArrival } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useTRPC, type Me } from '../../trpc';
import './assessment.css';
import { useCriteria } from './data';
import { RequireMemberState } from './guards';
import { DraftEditor } from './edit/DraftEditor';

/** `/assessment/:id/edit`: a Member State's draft, saved as it is answered. */
export function EditAssessmentPage() {
  return <RequireMemberState>{(me) => <EditAssessment me={me} />}</RequireMemberState>;
}

function EditAssessment({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const criteria = useCriteria();
  const assessment = useQuery({
    ...trpc.assessments.getOwn.queryOptions({ id }),
    retry: false,
    staleTime: 0,
  });
  const [reloads, setReloads] = useState(0);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  // Set just before the submitted assessment lands in the cache, so the redirect below carries the notice.
  const [justSubmitted, setJustSubmitted] = useState(false);

  const reload = useCallback(async () => {
    const fresh = await assessment.refetch();
    if (fresh.data) {
      setLoadedVersion(fresh.data.version);
      setReloads((n) => n + 1);
    }
  }, [assessment]);

  if (assessment.isPending || criteria.isPending) return <Loading />;
  if (assessment.isError) {
    if (errorStatus(assessment.error) === 404 || errorStatus(assessment.error) === 400)
      return <AssessmentNotFound />;
    return <ErrorNotice error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  if (criteria.isError) return <ErrorNotice error={criteria.error} onRetry={() => void criteria.refetch()} />;
  if (assessment.data.status !== 'draft') {
    return (
      <Navigate
        to={`/assessment/${assessment.data.id}`}
        replace
        state={
          justSubmitted ? noticeOnArrival.success({ key: 'assessment.saved.submittedNotice' }) : undefined
        }
      />
    );
  }
  return (
    <DraftEditor
      key={`${reloads}-${loadedVersion ?? ''}`}
      me={me}
      assessment={assessment.data}
      criteria={criteria.data}
      onReload={reload}
      onSubmitted={() => setJustSubmitted(true)}
    />
  );
}

export function AssessmentNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('assessment.notFound.title')}>
      <p>{t('assessment.notFound.body')}</p>
      <p>
        <Link to="/assessment">{t('assessment.notFound.back')}</Link>
      </p>
    </Page>
  );
}
