import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlTab } from './url-tab';

const TABS = ['overview', 'seats', 'sessions'] as const;

function Selected() {
  const [tab] = useUrlTab(TABS);
  return <output>{tab}</output>;
}

const selectedAt = (url: string) =>
  renderToStaticMarkup(
    <MemoryRouter initialEntries={[url]}>
      <Selected />
    </MemoryRouter>,
  );

describe('useUrlTab', () => {
  it('opens the tab the link names', () => {
    expect(selectedAt('/boards/1?tab=sessions')).toBe('<output>sessions</output>');
  });

  it('opens the first tab when the link names none or one the page does not have', () => {
    expect(selectedAt('/boards/1')).toBe('<output>overview</output>');
    expect(selectedAt('/boards/1?tab=minutes')).toBe('<output>overview</output>');
  });
});
