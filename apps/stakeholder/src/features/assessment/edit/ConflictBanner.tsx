import { Button, NotificationBanner } from '@musyawarah/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ConflictBanner({ onReload }: { onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <NotificationBanner tone="error" focusOnMount heading={t('assessment.conflict.heading')}>
      <p>{t('assessment.conflict.body')}</p>
      <Button
        isBusy={busy}
        onClick={() => {
          setBusy(true);
          void onReload().finally(() => setBusy(false));
        }}
      >
        {t('assessment.conflict.reload')}
      </Button>
    </NotificationBanner>
  );
}
