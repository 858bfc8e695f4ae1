import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { Diff } from './Diff';

const i18n = createI18n({}, { lng: 'en' });
const render = (parts: Parameters<typeof Diff>[0]['parts']) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Diff parts={parts} />
    </I18nextProvider>,
  );

describe('Diff', () => {
  it('marks deletions and insertions with <del>/<ins> and words a screen reader reads out, not colour alone', () => {
    const html = render([
      { type: 'equal', value: 'Establish ' },
      { type: 'delete', value: 'a' },
      { type: 'insert', value: 'an inclusive' },
      { type: 'equal', value: ' framework.' },
    ]);
    expect(html).toContain(
      '<del class="diff__delete"><span class="visually-hidden">deleted: </span>a<span class="visually-hidden"> (end of deletion)</span></del>',
    );
    expect(html).toContain(
      '<ins class="diff__insert"><span class="visually-hidden">inserted: </span>an inclusive<span class="visually-hidden"> (end of insertion)</span></ins>',
    );
    const text = html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '');
    expect(text).toBe('Establish aan inclusive framework.');
  });

  it('keeps spaces at the edges of a change outside the mark, but marks a change that is only spaces', () => {
    expect(
      render([
        { type: 'equal', value: 'Roadmap' },
        { type: 'insert', value: ' every two years' },
      ]),
    ).toContain('Roadmap</span><span> <ins');
    expect(render([{ type: 'insert', value: '  ' }])).toContain(
      '<span class="visually-hidden">inserted: </span>  <span',
    );
  });
});
