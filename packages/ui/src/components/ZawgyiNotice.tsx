import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zawgyiToUnicodeIfLikely } from '../i18n/zawgyi';

/**
 * Under a text field: when what was typed looks like Burmese in the Zawgyi encoding, says so and offers to convert it
 * to Unicode (the person decides; nothing is changed behind their back). Checks after typing pauses.
 */
export function ZawgyiNotice({ value, onConvert }: { value: unknown; onConvert: (unicode: string) => void }) {
  const { t } = useTranslation();
  const [converted, setConverted] = useState<string | null>(null);
  const text = typeof value === 'string' ? value : '';
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      zawgyiToUnicodeIfLikely(text)
        .then((result) => current && setConverted(result))
        .catch(() => current && setConverted(null));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (!converted) return null;
  return (
    <div className="zawgyi-notice" role="status">
      <p>
        {t('layout.zawgyi.notice')}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onConvert(converted);
            setConverted(null);
          }}
        >
          {t('layout.zawgyi.convert')}
        </button>
      </p>
    </div>
  );
}
