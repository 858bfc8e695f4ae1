import { Button, mapServerError, useNoticeBeside } from '@musyawarah/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

export function ExportSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const notice = useNoticeBeside({ headingLevel: 3 });
  const download = async () => {
    setBusy(true);
    notice.clear();
    try {
      const data = await queryClient.fetchQuery({ ...trpc.account.exportData.queryOptions(), staleTime: 0 });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'musyawarah-my-data.json';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notice.error(mapServerError(error).message ?? { key: 'errors.internal' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="export-heading">
      <h2 className="heading-l" id="export-heading">
        {t('account.export.title')}
      </h2>
      <p>{t('account.export.body')}</p>
      <Button variant="secondary" isBusy={busy} onClick={() => void download()}>
        {t('account.export.button')}
      </Button>
      {notice.region}
    </section>
  );
}
