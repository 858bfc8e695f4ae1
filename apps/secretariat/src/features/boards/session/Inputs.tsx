import { useFormat } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from './types';

export function Inputs({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agendaTitle = (id: string | null) => session.agenda.find((a) => a.id === id)?.title;
  return (
    <section aria-labelledby="inputs-heading">
      <h2 className="heading-l" id="inputs-heading">
        {t('boards.inputs.heading')}
      </h2>
      {session.inputs.length === 0 ? (
        <p>{t('boards.inputs.none')}</p>
      ) : (
        <ul className="board-list">
          {session.inputs.map((input) => (
            <li key={input.id}>
              <p className="text-secondary">
                {t('boards.inputs.meta', {
                  name: input.name ?? t('boards.inputs.formerMember'),
                  date: format.dateTime(input.createdAt),
                })}
                {input.agendaItemId && agendaTitle(input.agendaItemId) && (
                  <>
                    {' · '}
                    {t('boards.inputs.onItem', { item: agendaTitle(input.agendaItemId) })}
                  </>
                )}
                {input.actionId && (
                  <>
                    {' · '}
                    {input.actionId}
                  </>
                )}
              </p>
              <p className="board-pre">{input.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
