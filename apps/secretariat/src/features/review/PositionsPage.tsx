import { MEMBER_STATE_CODES } from '@musyawarah/core/domain';
import { ErrorNotice, Loading, Page } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Outputs } from '../../trpc';
import { useCycle } from './CyclePage';
import { useEditRows, useEditTitle } from './EditsPage';
import '@musyawarah/ui/review.css';
import { CycleSections, PositionTag, ScrollRegion } from './shared';

/** `/review/cycles/:cycleId/positions`: every edit against the positions of all 11 Member States. */
export function PositionsPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const edits = useEditRows(cycleId);
  return (
    <Page
      title={t('reviews.positions.title')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: '/review', label: t('reviews.home.title') }}
    >
      <CycleSections cycleId={cycleId} />
      <p className="prose">{t('reviews.positions.intro')}</p>
      {edits.isPending ? (
        <Loading />
      ) : edits.isError ? (
        <ErrorNotice error={edits.error} onRetry={() => void edits.refetch()} />
      ) : edits.data.rows.length === 0 ? (
        <p>{t('reviews.edits.none')}</p>
      ) : (
        <Matrix cycleId={cycleId} matrix={edits.data} />
      )}
    </Page>
  );
}

function Matrix({ cycleId, matrix }: { cycleId: string; matrix: Outputs['review']['positionsMatrix'] }) {
  const { t } = useTranslation();
  const title = useEditTitle();
  const edits = matrix.rows;
  const partly = MEMBER_STATE_CODES.map((code) => ({
    code,
    missing: edits.filter((row) => row.positions[code] === null).length,
  })).filter((s) => s.missing > 0 && s.missing < edits.length);
  const silent = matrix.silentStates;
  return (
    <>
      <ScrollRegion labelledBy="matrix-caption">
        <table>
          <caption id="matrix-caption" className="visually-hidden">
            {t('reviews.positions.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reviews.positions.edit')}</th>
              {MEMBER_STATE_CODES.map((code) => (
                <th scope="col" key={code}>
                  <abbr title={t(`common.memberStates.${code}`)}>{code}</abbr>
                </th>
              ))}
              <th scope="col">{t('reviews.positions.notResponded')}</th>
            </tr>
          </thead>
          <tbody>
            {edits.map((row, index) => {
              const { edit } = row;
              return (
                <tr key={edit.id}>
                  <th scope="row">
                    <Link to={`/review/cycles/${cycleId}/edits/${edit.id}/resolve`}>
                      {title(edit, index + 1)}
                    </Link>
                  </th>
                  {MEMBER_STATE_CODES.map((code) => {
                    const position = row.positions[code];
                    return (
                      <td key={code}>
                        {position ? (
                          <PositionTag kind={position.kind} />
                        ) : (
                          <span className="review-position--none">
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">
                              {t('reviews.positions.none', { state: t(`common.memberStates.${code}`) })}
                            </span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="review-matrix__waiting">
                    {row.nonRespondents.length === 0 ? (
                      t('reviews.positions.everyone')
                    ) : (
                      // Codes, as in the column heads, keep the row one or two lines high; the names are read out.
                      <>
                        <span aria-hidden="true">{row.nonRespondents.join(', ')}</span>
                        <span className="visually-hidden">
                          {row.nonRespondents.map((code) => t(`common.memberStates.${code}`)).join(', ')}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <h2 className="heading-l">{t('reviews.positions.nonRespondentsHeading')}</h2>
      {silent.length === 0 ? (
        <p>{t('reviews.positions.allResponded')}</p>
      ) : (
        <>
          <p>{t('reviews.positions.silentIntro', { count: silent.length })}</p>
          <ul>
            {silent.map((code) => (
              <li key={code}>{t(`common.memberStates.${code}`)}</li>
            ))}
          </ul>
        </>
      )}
      {partly.length > 0 && (
        <>
          <h3 className="heading-m">{t('reviews.positions.byStateHeading')}</h3>
          <ul>
            {partly.map((s) => (
              <li key={s.code}>
                {t('reviews.positions.partly', {
                  state: t(`common.memberStates.${s.code}`),
                  count: s.missing,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
