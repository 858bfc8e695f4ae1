// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useNavigate } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { NoticeProvider, NoticeRegion, useNotice, useNoticeBeside } from './NoticeProvider';

const i18n = createI18n({}, { lng: 'en' });

function Shell({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={['/boards/1']}>
        <NoticeProvider>
          <NoticeRegion />
          {children}
        </NoticeProvider>
      </MemoryRouter>
    </I18nextProvider>
  );
}

function Actions() {
  const notice = useNotice();
  const navigate = useNavigate();
  return (
    <>
      <button onClick={() => notice.success('Seat added')}>Add</button>
      <button onClick={() => notice.success({ key: 'layout.loading' })}>By key</button>
      <button onClick={() => notice.error('The seat could not be ended')}>Fail</button>
      <button
        onClick={() => notice.success('Invitation sent', { to: '/mail', text: { key: 'layout.loading' } })}
      >
        With a link
      </button>
      <button onClick={() => void navigate('/boards')}>Leave</button>
      <button onClick={() => void navigate('?tab=training')}>Training tab</button>
    </>
  );
}

const statusRegions = () => screen.getAllByRole('status');

afterEach(cleanup);

describe('NoticeProvider', () => {
  it('has one polite, atomic status region on the page before anything is said, and no alert', () => {
    render(<Actions />, { wrapper: Shell });
    const [region] = statusRegions();
    expect(statusRegions()).toHaveLength(1);
    expect(region!.getAttribute('aria-live')).toBe('polite');
    expect(region!.getAttribute('aria-atomic')).toBe('true');
    expect(region!.textContent).toBe('');
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('announces a success in the region without moving focus', () => {
    render(<Actions />, { wrapper: Shell });
    const add = screen.getByRole('button', { name: 'Add' });
    add.focus();
    fireEvent.click(add);
    const region = statusRegions()[0]!;
    expect(within(region).getByRole('heading', { name: 'Success' })).toBeTruthy();
    expect(region.textContent).toContain('Seat added');
    expect(document.activeElement).toBe(add);
  });

  it('replaces the last notice with the next one, and re-announces the same words as a new node', () => {
    render(<Actions />, { wrapper: Shell });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const first = statusRegions()[0]!.firstElementChild;
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const second = statusRegions()[0]!.firstElementChild;
    expect(second).not.toBe(first);
    expect(statusRegions()[0]!.textContent).toBe('SuccessSeat added');

    fireEvent.click(screen.getByRole('button', { name: 'Fail' }));
    // A failure interrupts (an alert) and replaces the success, which is no longer shown.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('There is a problemThe seat could not be ended');
    expect(alert.querySelector('.notification--error')).toBeTruthy();
    expect(statusRegions()[0]!.textContent).toBe('');
    expect(document.querySelectorAll('.notification')).toHaveLength(1);
  });

  it('translates a notice given as a key', () => {
    render(<Actions />, { wrapper: Shell });
    fireEvent.click(screen.getByRole('button', { name: 'By key' }));
    expect(statusRegions()[0]!.textContent).toContain('Loading');
  });

  it('offers a link under the text, inside the announced region', () => {
    render(<Actions />, { wrapper: Shell });
    fireEvent.click(screen.getByRole('button', { name: 'With a link' }));
    const region = statusRegions()[0]!;
    expect(region.textContent).toBe('SuccessInvitation sentLoading…');
    expect(within(region).getByRole('link', { name: 'Loading…' }).getAttribute('href')).toBe('/mail');
  });

  it('stays until the person goes to another page', () => {
    render(<Actions />, { wrapper: Shell });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(statusRegions()[0]!.textContent).toContain('Seat added');
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(statusRegions()[0]!.textContent).toBe('');
  });

  it('is cleared by another view of the same page (a tab in the address)', () => {
    render(<Actions />, { wrapper: Shell });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Training tab' }));
    expect(statusRegions()[0]!.textContent).toBe('');
  });

  it("shows notices in a page's own region while it is mounted, and in the shell's after", () => {
    function Page({ own }: { own: boolean }) {
      return (
        <>
          <h1>Board</h1>
          <Actions />
          {own && (
            <section aria-label="Seats">
              <NoticeRegion />
            </section>
          )}
        </>
      );
    }
    const { rerender } = render(<Page own />, { wrapper: Shell });
    // The shell's stays on the page, empty, for a notice brought by a navigation (see noticeOnArrival.test.tsx).
    expect(statusRegions()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(within(screen.getByRole('region', { name: 'Seats' })).getByRole('status').textContent).toContain(
      'Seat added',
    );
    expect(statusRegions()[0]!.textContent).toBe('');
    expect(document.querySelectorAll('.notification')).toHaveLength(1);
    act(() => rerender(<Page own={false} />));
    expect(statusRegions()).toHaveLength(1);
    expect(statusRegions()[0]!.textContent).toContain('Seat added');
  });

  it('shows what is said inside a wrapping region there, before its actions, and other notices elsewhere', () => {
    function Status() {
      const notice = useNotice();
      return <button onClick={() => notice.success('Board dissolved')}>Dissolve</button>;
    }
    function Page({ status }: { status: boolean }) {
      return (
        <>
          <section aria-label="Seats">
            <NoticeRegion />
            <Actions />
          </section>
          {status && (
            <section aria-label="Status">
              <NoticeRegion>
                <Status />
              </NoticeRegion>
            </section>
          )}
        </>
      );
    }
    const { rerender } = render(<Page status />, { wrapper: Shell });
    const seats = () => within(screen.getByRole('region', { name: 'Seats' }));
    const status = () => within(screen.getByRole('region', { name: 'Status' }));
    // Mounted after the seats' region, the wrapping one does not take the seats' notices, and has its live region
    // before anything is said in it.
    expect(status().getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(seats().getByRole('status').textContent).toContain('Seat added');
    expect(status().getByRole('status').textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Dissolve' }));
    expect(status().getByRole('status').textContent).toBe('SuccessBoard dissolved');
    expect(seats().getByRole('status').textContent).toBe('');
    expect(document.querySelectorAll('.notification')).toHaveLength(1);
    // Its banner comes before the actions it is about.
    const banner = status().getByText('Board dissolved');
    const button = status().getByRole('button', { name: 'Dissolve' });
    expect(banner.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // Gone with its part of the page, the notice is shown in the page's region.
    act(() => rerender(<Page status={false} />));
    expect(seats().getByRole('status').textContent).toContain('Board dissolved');
  });

  it('shows what a part of the page says beside that part, in a region there before anything is said', () => {
    function Part({ name }: { name: string }) {
      // Each part is headed by an h2, so its banner's title is an h3 (heading order).
      const notice = useNoticeBeside({ headingLevel: 3 });
      return (
        <section aria-label={name}>
          <button onClick={() => notice.success(`${name} saved`)}>Save {name}</button>
          <button onClick={() => notice.error(`${name} failed`)}>Break {name}</button>
          {notice.region}
        </section>
      );
    }
    render(
      <>
        <Part name="Profile" />
        <Part name="Sessions" />
        <Actions />
      </>,
      { wrapper: Shell },
    );
    const part = (name: string) => within(screen.getByRole('region', { name }));
    // The shell's region and one per part, each empty and polite.
    expect(statusRegions()).toHaveLength(3);
    expect(part('Sessions').getByRole('status').textContent).toBe('');

    const save = screen.getByRole('button', { name: 'Save Sessions' });
    save.focus();
    fireEvent.click(save);
    expect(part('Sessions').getByRole('status').textContent).toContain('Sessions saved');
    expect(part('Sessions').getByRole('heading', { level: 3, name: 'Success' })).toBeTruthy();
    expect(part('Profile').getByRole('status').textContent).toBe('');
    expect(statusRegions()[0]!.textContent).toBe('');
    expect(document.activeElement).toBe(save);

    // One notice at a time: the next one, said elsewhere, replaces it.
    fireEvent.click(screen.getByRole('button', { name: 'Break Profile' }));
    expect(part('Profile').getByRole('alert').textContent).toContain('Profile failed');
    expect(part('Sessions').getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(document.querySelectorAll('.notification')).toHaveLength(1);
    expect(statusRegions()[0]!.textContent).toContain('Seat added');
  });

  it('refuses to be used outside a provider', () => {
    function Lonely() {
      useNotice();
      return null;
    }
    expect(() => render(<Lonely />)).toThrow(/NoticeProvider/);
  });
});
