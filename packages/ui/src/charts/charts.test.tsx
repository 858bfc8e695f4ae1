import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { BarChart } from './BarChart';
import { ChartFigure } from './ChartFigure';
import { TileMap } from './TileMap';
import { tileRows } from './shape';

const i18n = createI18n({}, { lng: 'en' });
const render = (node: React.ReactNode) =>
  renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

describe('ChartFigure', () => {
  it('names the figure by its caption, says what it shows in words, hides the drawing and discloses the table', () => {
    const html = render(
      <ChartFigure
        title="Contributions by language"
        summary="Most in Khmer."
        table={
          <table>
            <tbody />
          </table>
        }
      >
        <svg />
      </ChartFigure>,
    );
    const id = /<figure class="chart" aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<span class="chart__title" id="${id}">Contributions by language</span>`);
    expect(html).toContain('<span class="chart__summary">Most in Khmer.</span>');
    expect(html).toContain('<div class="chart__drawing" aria-hidden="true"><svg></svg></div>');
    expect(html).toMatch(
      /<details[^>]*><summary[^>]*>Show the numbers: Contributions by language<\/summary><div class="details__text"><table>/,
    );
  });
});

describe('BarChart', () => {
  it('fills each bar with its series pattern, not colour alone, and marks the target', () => {
    const html = render(
      <BarChart
        bars={[
          { key: 'a', label: 'Civil society', value: 60, display: '60 of 80', target: 80, series: 0 },
          { key: 'b', label: 'Industry', value: 30, display: '30', series: 1 },
        ]}
      />,
    );
    expect(html).toMatch(/<pattern id="[^"]+-p1"[^>]*>.*<path d="M-2,2/);
    expect(html).toMatch(/fill="url\(#[^"]+-p0\)"/);
    expect(html).toMatch(/fill="url\(#[^"]+-p1\)"/);
    expect(html).toContain('Representation target');
    expect(html).toContain('60 of 80');
  });
});

describe('TileMap', () => {
  it('writes every state code and count on its tile and flags the states below target', () => {
    const html = render(<TileMap tiles={tileRows({ KH: 12, TH: 40 }, (c) => c, { KH: 30 })} />);
    for (const code of ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'])
      expect(html).toContain(`>${code}</text>`);
    expect(html).toContain('>12</text>');
    expect(html).toContain('>40</text>');
    expect(html.match(/▼/g)).toHaveLength(1);
    expect(html).toContain('Below its target');
  });
});
