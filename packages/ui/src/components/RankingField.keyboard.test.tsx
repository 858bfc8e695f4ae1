// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useForm, type FieldValues } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { Form } from './Form';
import { RankingField } from './RankingField';

const i18n = createI18n({}, { lng: 'en' });

const options = [
  { value: 'access', label: 'Access' },
  { value: 'fairness', label: 'Fairness' },
  { value: 'safety', label: 'Safety' },
];

/** What the form sends when it is submitted: the value the field reports. */
let sent: FieldValues[] = [];

function Harness({ values }: { values: FieldValues }) {
  const form = useForm({ defaultValues: values });
  return (
    <Form form={form} id="test" onSubmit={(v) => void sent.push(v)}>
      <RankingField name="priorities" legend="Rank these priorities" options={options} />
      <button type="submit">Send</button>
    </Form>
  );
}

function renderField(values: FieldValues = {}) {
  sent = [];
  return render(
    <I18nextProvider i18n={i18n}>
      <Harness values={values} />
    </I18nextProvider>,
  );
}

/** A keyboard user presses Enter on the focused button (the browser turns that into a click on it). */
const press = () => {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLButtonElement))
    throw new Error(`focus is on ${focused?.tagName ?? 'nothing'}`);
  fireEvent.click(focused);
};

/** Tab to a button: put focus on it, as moving through the page would. */
const focusButton = (name: RegExp) => {
  const button = screen.getByRole('button', { name });
  button.focus();
  expect(document.activeElement).toBe(button);
};

const shownOrder = () => [...document.querySelectorAll('.ranking__label')].map((label) => label.textContent);

/** The polite live region that says where an option went. */
const liveText = () => document.querySelector('.ranking [aria-live="polite"]')!.textContent;

async function submitted() {
  const before = sent.length;
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(sent.length).toBe(before + 1));
  return sent[sent.length - 1]!.priorities as unknown;
}

afterEach(cleanup);

describe('RankingField with the keyboard', () => {
  it('moves an option down with its button; focus stays on that button, now on the option’s new row, and the move is said', () => {
    renderField();
    expect(liveText()).toBe('');
    focusButton(/^Down — Access, now number 1$/);
    press();
    expect(shownOrder()).toEqual(['Fairness', 'Access', 'Safety']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: /^Down — Access, now number 2$/ }),
    );
    expect(liveText()).toBe('Access moved to number 2 of 3.');
  });

  it('moves an option up to the top; focus goes to its Down button there, as there is no Up at the top', () => {
    renderField();
    focusButton(/^Up — Fairness, now number 2$/);
    press();
    expect(shownOrder()).toEqual(['Fairness', 'Access', 'Safety']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: /^Down — Fairness, now number 1$/ }),
    );
    expect(liveText()).toBe('Fairness moved to number 1 of 3.');
  });

  it('moves an option down to the bottom; focus goes to its Up button there', () => {
    renderField();
    focusButton(/^Down — Fairness, now number 2$/);
    press();
    expect(shownOrder()).toEqual(['Access', 'Safety', 'Fairness']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: /^Up — Fairness, now number 3$/ }),
    );
    expect(liveText()).toBe('Fairness moved to number 3 of 3.');
  });

  it('moves one option step by step from the bottom to the top, saying each step', () => {
    renderField();
    focusButton(/^Up — Safety, now number 3$/);
    press();
    expect(liveText()).toBe('Safety moved to number 2 of 3.');
    press();
    expect(liveText()).toBe('Safety moved to number 1 of 3.');
    expect(shownOrder()).toEqual(['Safety', 'Access', 'Fairness']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: /^Down — Safety, now number 1$/ }),
    );
  });

  it('marks the top option’s Up and the bottom option’s Down as unavailable, and pressing them changes nothing', () => {
    renderField();
    const up = screen.getByRole('button', { name: /^Up — Access, now number 1$/ });
    const down = screen.getByRole('button', { name: /^Down — Safety, now number 3$/ });
    expect(up.getAttribute('aria-disabled')).toBe('true');
    expect(down.getAttribute('aria-disabled')).toBe('true');
    // Still focusable (aria-disabled, not disabled), so a keyboard user finds them and hears why they do nothing.
    for (const button of [up, down]) {
      button.focus();
      press();
      expect(document.activeElement).toBe(button);
    }
    expect(shownOrder()).toEqual(['Access', 'Fairness', 'Safety']);
    expect(liveText()).toBe('');
    // The others can move both ways.
    for (const name of [/^Down — Access/, /^Up — Fairness/, /^Down — Fairness/, /^Up — Safety/])
      expect(screen.getByRole('button', { name }).getAttribute('aria-disabled')).toBeNull();
  });

  it('moves the unavailable state with the options: after a move the new top and bottom options have it', () => {
    renderField();
    focusButton(/^Up — Safety, now number 3$/);
    press();
    press();
    expect(
      screen.getByRole('button', { name: /^Up — Safety, now number 1$/ }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(
      screen.getByRole('button', { name: /^Up — Access, now number 2$/ }).getAttribute('aria-disabled'),
    ).toBeNull();
    expect(
      screen.getByRole('button', { name: /^Down — Fairness, now number 3$/ }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('reports no order until one is made, then the option indexes in the order shown after each move', async () => {
    renderField();
    expect(await submitted()).toBeUndefined();
    focusButton(/^Down — Access, now number 1$/);
    press();
    expect(await submitted()).toEqual([1, 0, 2]);
    focusButton(/^Up — Safety, now number 3$/);
    press();
    press();
    expect(await submitted()).toEqual([2, 1, 0]);
  });

  it('keeps the order shown with “Use this order”, reports it, and puts focus on the words that replace the button', async () => {
    renderField();
    const field = screen.getByRole('group', { name: 'Rank these priorities' });
    focusButton(/^Use this order$/);
    press();
    expect(within(field).queryByRole('button', { name: 'Use this order' })).toBeNull();
    const ranked = within(field).getByText('Your order will be sent as shown.');
    // The button is gone: focus must not fall back to the top of the page.
    expect(document.activeElement).toBe(ranked);
    expect(await submitted()).toEqual([0, 1, 2]);
  });

  it('starts from a stored order and moves within it', async () => {
    renderField({ priorities: [2, 0, 1] });
    expect(shownOrder()).toEqual(['Safety', 'Access', 'Fairness']);
    focusButton(/^Down — Safety, now number 1$/);
    press();
    expect(shownOrder()).toEqual(['Access', 'Safety', 'Fairness']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: /^Down — Safety, now number 2$/ }),
    );
    expect(await submitted()).toEqual([0, 2, 1]);
  });
});
