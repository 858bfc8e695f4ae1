import { GENDERS } from '@musyawarah/core/boards/vocabulary';
import {
  Button,
  ErrorNotice,
  Form,
  InsetText,
  Loading,
  Page,
  Panel,
  RadioGroupField,
  SelectField,
  TextField,
  errorStatus,
  useDocumentTitle,
  useMemberStateOptions,
  TextAreaField,
  CheckboxesField,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import { BoardNotFound } from './BoardPage';
import './boards.css';
import { isUuid, useConstituencyOptions, useLocalized, useZonedFormat } from './data';

const FORM_ID = 'apply';
type PublicBoard = Outputs['boards']['getPublic'];

interface Values {
  self: string;
  nomineeName: string;
  nomineeEmail: string;
  constituencies: string[] | string | false;
  memberState: string | undefined;
  organisation: string;
  gender: string | undefined;
  motivation: string;
}

/** `/boards/:boardId/apply`: apply for a seat, or nominate someone, in the board's open call. */
export function ApplyPage() {
  const { boardId = '' } = useParams();
  if (!isUuid(boardId)) return <BoardNotFound />;
  return (
    <RequireSignIn>
      <ApplyLoader boardId={boardId} />
    </RequireSignIn>
  );
}

function ApplyLoader({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const board = useQuery({ ...trpc.boards.getPublic.queryOptions({ boardId }), retry: false });
  const pick = useLocalized();
  if (board.isPending) return <Loading />;
  if (board.isError) {
    if (errorStatus(board.error) === 404) return <BoardNotFound />;
    return <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />;
  }
  const call = board.data.openCalls.find((c) => c.id === params.get('call')) ?? board.data.openCalls[0];
  if (!call) {
    return (
      <Page title={t('boards.apply.closedTitle')} caption={pick(board.data.name).text}>
        <p>{t('boards.apply.closedBody')}</p>
        <p>
          <Link to={`/boards/${boardId}`}>{t('boards.apply.backToBoard')}</Link>
        </p>
      </Page>
    );
  }
  return <ApplyForm board={board.data} callId={call.id} closesAt={call.closesAt} />;
}

const list = (v: Values['constituencies']): string[] =>
  Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];

/** The checks the API makes too, so the common mistakes are found without a round trip (the API stays the authority). */
function validate(v: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.self !== 'true' && v.self !== 'false') errors.self = 'validation.required';
  if (v.self === 'false') {
    if (!v.nomineeName.trim()) errors.nomineeName = 'board.validation.nomineeRequired';
    if (!v.nomineeEmail.trim()) errors.nomineeEmail = 'board.validation.nomineeRequired';
  }
  if (list(v.constituencies).length === 0) errors.constituencies = 'board.validation.constituencyRequired';
  if (!v.motivation.trim()) errors.motivation = 'validation.required';
  return errors;
}

function ApplyForm({ board, callId, closesAt }: { board: PublicBoard; callId: string; closesAt: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pick = useLocalized();
  const format = useZonedFormat();
  const states = useMemberStateOptions();
  const constituencies = useConstituencyOptions();
  const [done, setDone] = useState<{ self: boolean } | null>(null);
  const form = useForm<Values>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      self: '',
      nomineeName: '',
      nomineeEmail: '',
      constituencies: [],
      memberState: undefined,
      organisation: '',
      gender: undefined,
      motivation: '',
    },
    resolver: (values) => {
      const errors = validate(values);
      return Object.keys(errors).length
        ? {
            values: {},
            errors: Object.fromEntries(
              Object.entries(errors).map(([k, message]) => [k, { type: 'validate', message }]),
            ),
          }
        : { values, errors: {} };
    },
  });
  const self = useWatch({ control: form.control, name: 'self' });
  const apply = useMutation(trpc.boards.submitNomination.mutationOptions());
  const name = pick(board.name).text;
  if (done) return <ApplyDone boardId={board.id} boardName={name} self={done.self} />;

  return (
    <Page
      title={t('boards.apply.title')}
      caption={name}
      backLink={{ to: `/boards/${board.id}`, label: t('boards.apply.backToBoard') }}
    >
      <InsetText>
        <p>{t('boards.apply.closes', { date: format(closesAt) })}</p>
      </InsetText>
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={async (v) => {
          const isSelf = v.self === 'true';
          await apply.mutateAsync({
            callId,
            self: isSelf,
            nomineeName: isSelf ? undefined : v.nomineeName,
            nomineeEmail: isSelf ? undefined : v.nomineeEmail,
            constituencies: list(v.constituencies),
            memberState: v.memberState || undefined,
            organisation: v.organisation || undefined,
            gender: isSelf ? v.gender || undefined : undefined,
            motivation: v.motivation,
          });
          await queryClient.invalidateQueries({ queryKey: trpc.boards.myNominations.queryKey() });
          setDone({ self: isSelf });
        }}
      >
        <RadioGroupField
          name="self"
          legend={t('boards.apply.who')}
          options={[
            { value: 'true', label: t('boards.apply.whoSelf') },
            { value: 'false', label: t('boards.apply.whoOther'), hint: t('boards.apply.whoOtherHint') },
          ]}
        />
        {self === 'false' && (
          <>
            <TextField name="nomineeName" label={t('boards.apply.nomineeName')} autoComplete="off" />
            <TextField
              name="nomineeEmail"
              type="email"
              label={t('boards.apply.nomineeEmail')}
              hint={t('boards.apply.nomineeEmailHint')}
              autoComplete="off"
              spellCheck={false}
            />
          </>
        )}
        <CheckboxesField
          name="constituencies"
          legend={self === 'false' ? t('boards.apply.constituenciesOther') : t('boards.apply.constituencies')}
          hint={t('boards.apply.constituenciesHint')}
          options={constituencies}
        />
        <SelectField
          name="memberState"
          label={t('boards.apply.memberState')}
          options={states}
          placeholder={t('boards.apply.noState')}
          optional
        />
        <TextField name="organisation" label={t('boards.apply.organisation')} optional />
        {self === 'true' && (
          <SelectField
            name="gender"
            label={t('boards.apply.gender')}
            hint={t('boards.apply.genderHint')}
            options={GENDERS.map((g) => ({ value: g, label: t(`boards.gender.${g}`) }))}
            placeholder={t('boards.apply.genderNotSaid')}
            optional
          />
        )}
        <TextAreaField
          name="motivation"
          label={t('boards.apply.motivation')}
          hint={t('boards.apply.motivationHint')}
          rows={8}
        />
        <Button type="submit" isBusy={form.formState.isSubmitting}>
          {t('boards.apply.submit')}
        </Button>
      </Form>
    </Page>
  );
}

function ApplyDone({ boardId, boardName, self }: { boardId: string; boardName: string; self: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('boards.apply.doneTitle'));
  // The form was replaced by the confirmation on the same page: take keyboard and screen-reader users to it.
  useEffect(() => {
    document.querySelector<HTMLElement>('#main-content [data-page-heading]')?.focus();
  }, []);
  return (
    <>
      <Panel title={t('boards.apply.doneTitle')}>
        <p>
          {self
            ? t('boards.apply.doneSelf', { board: boardName })
            : t('boards.apply.doneOther', { board: boardName })}
        </p>
      </Panel>
      <div className="two-thirds">
        <p>{t('boards.apply.whatNext')}</p>
        <p>
          <Link to="/boards/mine#applications">{t('boards.apply.seeApplications')}</Link>
        </p>
        <p>
          <Link to={`/boards/${boardId}`}>{t('boards.apply.backToBoard')}</Link>
        </p>
      </div>
    </>
  );
}
