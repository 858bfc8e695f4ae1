import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm, type FieldErrors, type FieldValues } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { CheckboxesField } from './ChoiceFields';
import { userTimeZone, utcEquivalent } from './date-time';
import { DateTimeField, TextAreaField } from './Fields';
import { ErrorSummary, Form } from './Form';

const i18n = createI18n({}, { lng: 'en' });

function Harness({
  values,
  errors,
  children,
}: {
  values: FieldValues;
  errors?: FieldErrors;
  children: ReactNode;
}) {
  const form = useForm({ defaultValues: values, errors });
  return (
    <Form form={form} id="test" onSubmit={() => undefined}>
      {children}
    </Form>
  );
}

const render = (node: ReactNode, values: FieldValues = {}, errors?: FieldErrors) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Harness values={values} errors={errors}>
        {node}
      </Harness>
    </I18nextProvider>,
  );

/** The attributes of the element with this id, as rendered. */
const tagWithId = (html: string, id: string) =>
  new RegExp(`<[a-z]+[^>]* id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('TextAreaField', () => {
  it('labels the text area, links its hint and says it is optional', () => {
    const html = render(
      <TextAreaField name="summary.en" label="Summary" hint="Two lines at most." optional rows={3} />,
    );
    expect(html).toContain(
      '<label class="label" for="test-summary-en">Summary<span class="optional"> (optional)</span>',
    );
    expect(html).toContain('<div id="test-summary-en-hint" class="hint">Two lines at most.</div>');
    const area = tagWithId(html, 'test-summary-en');
    expect(area).toContain('<textarea');
    expect(area).toContain('aria-describedby="test-summary-en-hint"');
    expect(area).toContain('rows="3"');
    expect(area).not.toContain('aria-invalid');
  });

  it('shows the field error in words, marks the area invalid and links the error to it', () => {
    const html = render(
      <TextAreaField name="summary.en" label="Summary" hint="Two lines at most." />,
      {},
      {
        summary: { en: { type: 'too_small', message: 'validation.required' } },
      },
    );
    expect(html).toContain('form-group form-group--error');
    expect(html).toMatch(
      /<p id="test-summary-en-error" class="field-error"><span class="visually-hidden">Error:<\/span> [^<]+<\/p>/,
    );
    const area = tagWithId(html, 'test-summary-en');
    expect(area).toContain('aria-describedby="test-summary-en-hint test-summary-en-error"');
    expect(area).toContain('aria-invalid="true"');
    // The summary at the top links to the same id.
    expect(html).toContain('href="#test-summary-en"');
  });
});

describe('DateTimeField', () => {
  it('names the time zone in the hint and shows the UTC equivalent of the value in the form', () => {
    const html = render(<DateTimeField name="closesAt" label="Closes" hint="When answers stop." />, {
      closesAt: '2026-11-23T17:00',
    });
    const input = tagWithId(html, 'test-closesAt');
    expect(input).toContain('type="datetime-local"');
    expect(input).toContain('aria-describedby="test-closesAt-hint test-closesAt-utc"');
    expect(html).toContain(`When answers stop. In your time zone (${userTimeZone()}).`);
    const utc = utcEquivalent('2026-11-23T17:00', 'en');
    expect(utc).not.toBe('');
    expect(html).toContain(
      `<p id="test-closesAt-utc" class="hint date-time-utc" aria-live="polite">${utc} UTC</p>`,
    );
  });

  it('shows nothing in UTC while the value is incomplete, and links an error', () => {
    const html = render(
      <DateTimeField name="closesAt" label="Closes" />,
      { closesAt: '' },
      {
        closesAt: { type: 'custom', message: 'validation.required' },
      },
    );
    expect(html).toContain('<p id="test-closesAt-utc" class="hint date-time-utc" aria-live="polite"></p>');
    expect(tagWithId(html, 'test-closesAt')).toContain(
      'aria-describedby="test-closesAt-hint test-closesAt-utc test-closesAt-error"',
    );
    expect(html).toContain('id="test-closesAt-error" class="field-error"');
  });
});

describe('CheckboxesField', () => {
  const options = [
    { value: 'en', label: 'English' },
    { value: 'km', label: 'Khmer', hint: 'ខ្មែរ' },
  ];

  it('groups the boxes under a legend; the first box carries the field id so the summary can reach it', () => {
    const html = render(
      <CheckboxesField
        name="languages"
        legend="Languages"
        hint="Tick all that apply."
        options={options}
        columns
      />,
      { languages: ['km'] },
    );
    expect(html).toContain('<fieldset class="fieldset" aria-describedby="test-languages-hint">');
    expect(html).toContain('<legend class="legend">Languages</legend>');
    expect(html).toContain('<div class="choices choices--columns">');
    expect(tagWithId(html, 'test-languages')).toContain('value="en"');
    expect(tagWithId(html, 'test-languages-km')).toContain('value="km"');
    expect(html).toContain('<label class="choice__label" for="test-languages-km">Khmer</label>');
    // The option hint describes the box rather than being part of its name.
    expect(tagWithId(html, 'test-languages-km')).toContain('aria-describedby="test-languages-km-hint"');
    expect(html).toContain('<div id="test-languages-km-hint" class="choice__hint">ខ្មែរ</div>');
  });

  it('lists more boxes under their heading in the same question, and without boxes above drops the heading', () => {
    const more = { heading: 'Or ask for:', options: [{ value: 'th', label: 'Thai' }] };
    const both = render(
      <CheckboxesField name="languages" legend="Languages" options={options} more={more} />,
    );
    expect(both).toContain('<div class="choices choices--more"><p class="choices__heading">Or ask for:</p>');
    expect(tagWithId(both, 'test-languages')).toContain('value="en"');
    expect(tagWithId(both, 'test-languages-th')).toContain('name="languages"');
    const onlyMore = render(<CheckboxesField name="languages" legend="Languages" options={[]} more={more} />);
    expect(onlyMore).not.toContain('Or ask for:');
    // The first box on show carries the field id, so the summary can still reach it.
    expect(tagWithId(onlyMore, 'test-languages')).toContain('value="th"');
  });

  it('shows the group error inside the fieldset and links it from the legend group', () => {
    const html = render(
      <CheckboxesField name="languages" legend="Languages" options={options} />,
      {},
      {
        languages: { type: 'too_small', message: 'validation.required' },
      },
    );
    expect(html).toContain('<fieldset class="fieldset" aria-describedby="test-languages-error">');
    expect(html).toContain('id="test-languages-error" class="field-error"');
    expect(html).toContain('href="#test-languages"');
  });
});

describe('ErrorSummary', () => {
  const summary = (props: { messageText?: string | null }) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ErrorSummary formId="test" message={{ key: 'basket.empty' }} items={[]} focusToken={0} {...props} />
      </I18nextProvider>,
    );

  it("shows a server message put into words by the app's server-message hook, not the untranslated key", () => {
    expect(summary({ messageText: 'Your basket is empty.' })).toContain('<p>Your basket is empty.</p>');
    expect(summary({})).toContain('<p>Something went wrong');
  });
});
