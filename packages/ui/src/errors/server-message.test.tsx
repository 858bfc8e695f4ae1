import type { ReactNode } from 'react';
import { TRPCClientError } from '@trpc/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { useServerMessage, type ServerMessageOptions } from './server-message';

const i18n = createI18n(
  { en: { shop: { server: { basket_empty: 'Your basket is empty.' } } } },
  { lng: 'en' },
);

/** What httpBatchLink produces when the API answers with an error. */
function apiError(message: string, data: Record<string, unknown> = {}) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, ...data } },
  });
}

function Notice({ error, options }: { error: unknown; options?: ServerMessageOptions }) {
  const serverMessage = useServerMessage(options);
  return <p>{serverMessage(error)}</p>;
}

/** What a form receives: the errors set on its fields, and the form-level notice. */
function FailedForm({ error }: { error: unknown }) {
  const serverMessage = useServerMessage();
  const fields: string[] = [];
  const notice = serverMessage.onForm<{ email: string }>(error, (path, { type, message }) => {
    fields.push(`${path}:${type}:${message}`);
  });
  return (
    <p>
      {notice ?? 'no notice'} | {fields.join(',')}
    </p>
  );
}

const render = (node: ReactNode) =>
  renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

describe('useServerMessage', () => {
  it("translates the API's message key", () => {
    const error = apiError('errors.forbidden', { code: 'FORBIDDEN', httpStatus: 403 });
    expect(render(<Notice error={error} />)).toBe('<p>You do not have permission to do this.</p>');
  });

  it("reads a key the shared locale lacks from the app's namespace, and only when asked to", () => {
    const error = apiError('basket.empty');
    expect(render(<Notice error={error} options={{ localKey: (key) => `shop.server.${key}` }} />)).toBe(
      '<p>Your basket is empty.</p>',
    );
    expect(render(<Notice error={error} />)).toBe('<p>Check the information you entered and try again.</p>');
  });

  it('says the connection failed when the API did not answer', () => {
    expect(render(<Notice error={new TypeError('Failed to fetch')} />)).toBe(
      '<p>We could not reach Musyawarah. Check your internet connection and try again.</p>',
    );
  });

  it('puts field errors on the fields and gives no form-level notice when they say it all', () => {
    const html = render(
      <FailedForm
        error={apiError('validation.failed', { fieldErrors: { email: ['validation.required'] } })}
      />,
    );
    expect(html).toBe('<p>no notice | email:server:validation.required</p>');
  });

  it('gives a form-level notice for an error that belongs to no field', () => {
    const html = render(<FailedForm error={apiError('errors.forbidden', { httpStatus: 403 })} />);
    expect(html).toBe('<p>You do not have permission to do this. | </p>');
  });
});
