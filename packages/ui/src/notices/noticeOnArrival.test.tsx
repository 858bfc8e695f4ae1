// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, Outlet, RouterProvider, useLocation, useNavigate } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { noticeOnArrival, NoticeProvider, NoticeRegion, useNotice } from './NoticeProvider';

const i18n = createI18n({}, { lng: 'en' });

/** What the current history entry carries, to see that the notice is taken out of it once shown. */
function EntryState() {
  const { state } = useLocation();
  return <output data-testid="entry-state">{JSON.stringify(state)}</output>;
}

function Form() {
  const navigate = useNavigate();
  return (
    <>
      <h1>New round</h1>
      <button
        onClick={() =>
          void navigate('/rounds/1', { state: noticeOnArrival.success({ key: 'layout.loading' }) })
        }
      >
        Create
      </button>
      <button
        onClick={() =>
          void navigate('/rounds/1', { state: noticeOnArrival.error('The round could not be opened') })
        }
      >
        Fail
      </button>
      <button
        onClick={() =>
          void navigate('/rounds/1', { state: { ...noticeOnArrival.success('Created'), from: 'form' } })
        }
      >
        Create, keeping other state
      </button>
    </>
  );
}

function Round({ ownRegion = false }: { ownRegion?: boolean }) {
  const navigate = useNavigate();
  const notice = useNotice();
  return (
    <>
      <h1>Round</h1>
      <button onClick={() => void navigate('/rounds')}>All rounds</button>
      <button onClick={() => notice.success('Question added')}>Add a question</button>
      {ownRegion && (
        <section aria-label="Questions">
          <NoticeRegion />
        </section>
      )}
    </>
  );
}

/** The app's layout, as the AppShell: it stays mounted while the pages under it change. */
function Shell() {
  return (
    <NoticeProvider>
      <NoticeRegion />
      <Outlet />
      <EntryState />
    </NoticeProvider>
  );
}

function renderApp({
  ownRegion = false,
  initial = '/rounds/new',
  state,
}: { ownRegion?: boolean; initial?: string; state?: unknown } = {}) {
  const router = createMemoryRouter(
    [
      {
        element: <Shell />,
        children: [
          { path: '/rounds/new', element: <Form /> },
          { path: '/rounds/1', element: <Round ownRegion={ownRegion} /> },
          { path: '/rounds', element: <h1>Rounds</h1> },
        ],
      },
    ],
    { initialEntries: [{ pathname: initial, state }] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  return router;
}

const shellStatus = () => screen.getAllByRole('status')[0]!;
const entryState = () => screen.getByTestId('entry-state').textContent;

afterEach(cleanup);

describe('noticeOnArrival', () => {
  it('shows the notice on the page the navigation lands on, in the polite status region, translated', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Round' });
    expect(within(shellStatus()).getByRole('heading', { name: 'Success' })).toBeTruthy();
    expect(shellStatus().textContent).toBe('SuccessLoading…');
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('is said once: the history entry forgets it, so Back and Forward to it (or a reload) do not say it again', async () => {
    const router = renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Round' });
    expect(entryState()).toBe('null');
    expect(shellStatus().textContent).toContain('Loading');

    fireEvent.click(screen.getByRole('button', { name: 'All rounds' }));
    await screen.findByRole('heading', { name: 'Rounds' });
    expect(shellStatus().textContent).toBe('');
    await act(() => router.navigate(-1));
    await screen.findByRole('heading', { name: 'Round' });
    expect(shellStatus().textContent).toBe('');
  });

  it('keeps the rest of the state the navigation carried', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Create, keeping other state' }));
    await screen.findByRole('heading', { name: 'Round' });
    expect(shellStatus().textContent).toContain('Created');
    expect(entryState()).toBe('{"from":"form"}');
  });

  it('is shown when the app starts on the entry that carries it, and taken out of the entry', () => {
    renderApp({ initial: '/rounds/1', state: noticeOnArrival.success('Created') });
    expect(shellStatus().textContent).toBe('SuccessCreated');
    expect(entryState()).toBe('null');
  });

  it('says a failure as an alert, rendered with its text', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Fail' }));
    await screen.findByRole('heading', { name: 'Round' });
    expect(screen.getByRole('alert').textContent).toBe('There is a problemThe round could not be opened');
    expect(shellStatus().textContent).toBe('');
  });

  it("is shown at the top, in the shell's region, even when the page has its own; the page's next notice goes beside its actions", async () => {
    renderApp({ ownRegion: true });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Round' });
    const own = within(screen.getByRole('region', { name: 'Questions' }));
    expect(shellStatus().textContent).toContain('Loading');
    expect(own.getByRole('status').textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    expect(own.getByRole('status').textContent).toContain('Question added');
    expect(document.querySelectorAll('.notification')).toHaveLength(1);
  });

  it('is cleared by the next navigation, like any notice', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Round' });
    fireEvent.click(screen.getByRole('button', { name: 'All rounds' }));
    await screen.findByRole('heading', { name: 'Rounds' });
    expect(shellStatus().textContent).toBe('');
    expect(document.querySelectorAll('.notification')).toHaveLength(0);
  });
});
