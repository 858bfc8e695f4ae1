import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm, type FieldValues } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { Form } from './Form';
import { moveRank, RankingField } from './RankingField';

const i18n = createI18n({}, { lng: 'en' });

function Harness({ values, children }: { values: FieldValues; children: ReactNode }) {
  const form = useForm({ defaultValues: values });
  return (
    <Form form={form} id="test" onSubmit={() => undefined}>
      {children}
    </Form>
  );
}

const options = [
  { value: 'access', label: 'Access' },
  { value: 'fairness', label: 'Fairness' },
  { value: 'safety', label: 'Safety' },
];

const render = (values: FieldValues) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Harness values={values}>
        <RankingField name="priorities" legend="Rank these priorities" options={options} />
      </Harness>
    </I18nextProvider>,
  );

/** The option labels in the order shown. */
const shownOrder = (html: string) =>
  [...html.matchAll(/<span class="ranking__label">([^<]*)<\/span>/g)].map((m) => m[1]);

/** The accessible text of each button: visible word plus the hidden context, tags removed. */
const buttonNames = (html: string) =>
  [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<span aria-hidden="true">[^<]*<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

describe('RankingField', () => {
  it('shows the options in the order given until they are ranked, and offers to keep that order', () => {
    const html = render({});
    expect(shownOrder(html)).toEqual(['Access', 'Fairness', 'Safety']);
    expect(html).toContain('Use the Up and Down buttons to put the options in order, most important first.');
    expect(buttonNames(html)).toContain('Use this order');
    expect(html).not.toContain('Your order will be sent as shown.');
  });

  it('shows a ranked value in its order, each button naming its option and position', () => {
    const html = render({ priorities: [2, 0, 1] });
    expect(shownOrder(html)).toEqual(['Safety', 'Access', 'Fairness']);
    expect(buttonNames(html)).toEqual([
      'Up — Safety, now number 1',
      'Down — Safety, now number 1',
      'Up — Access, now number 2',
      'Down — Access, now number 2',
      'Up — Fairness, now number 3',
      'Down — Fairness, now number 3',
    ]);
    expect(html).toContain('Your order will be sent as shown.');
  });

  it('says the top option cannot go up nor the bottom one down, and the first Up button is what the summary links to', () => {
    const html = render({ priorities: [0, 1, 2] });
    const buttons = [...html.matchAll(/<button[^>]*>/g)].map((m) => m[0]);
    expect(buttons[0]).toContain('id="test-priorities"');
    expect(buttons[0]).toContain('aria-disabled="true"');
    expect(buttons[1]).not.toContain('aria-disabled');
    expect(buttons[4]).not.toContain('aria-disabled');
    expect(buttons[5]).toContain('aria-disabled="true"');
  });

  it('reads a value of the wrong length as not ranked yet', () => {
    expect(shownOrder(render({ priorities: [1] }))).toEqual(['Access', 'Fairness', 'Safety']);
  });

  it('announces a move with the option, its new position and the total', () => {
    expect(i18n.t('layout.ranking.moved', { option: 'Safety', position: 1, total: 3 })).toBe(
      'Safety moved to number 1 of 3.',
    );
  });
});

describe('moveRank', () => {
  it('moves one option up or down and keeps the others in order', () => {
    expect(moveRank([0, 1, 2], 2, 1)).toEqual([0, 2, 1]);
    expect(moveRank([0, 1, 2], 0, 1)).toEqual([1, 0, 2]);
  });

  it('leaves the order as it is for a move past either end', () => {
    expect(moveRank([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveRank([0, 1, 2], 2, 3)).toEqual([0, 1, 2]);
  });
});
