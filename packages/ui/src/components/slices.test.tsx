import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useRenderInSlices } from './slices';

function List({ count, first }: { count: number; first?: number }) {
  const items = Array.from({ length: count }, (_, i) => `item ${i + 1}`);
  const { shown, complete } = useRenderInSlices(items, first);
  return (
    <ol aria-busy={complete ? undefined : true}>
      {shown.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ol>
  );
}

const itemsIn = (html: string) => html.match(/<li>/g)?.length ?? 0;

describe('useRenderInSlices', () => {
  it('renders only the first slice at first, marked busy, so a long list is not one long task', () => {
    const html = renderToStaticMarkup(<List count={38} first={10} />);
    expect(itemsIn(html)).toBe(10);
    expect(html).toContain('item 10');
    expect(html).not.toContain('item 11<');
    expect(html).toContain('aria-busy="true"');
  });

  it('renders a list no longer than the first slice whole, not busy', () => {
    const html = renderToStaticMarkup(<List count={7} first={10} />);
    expect(itemsIn(html)).toBe(7);
    expect(html).not.toContain('aria-busy');
  });
});
