import { Button } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';

/**
 * What a form's error summary adds under "someone else saved this first": the way to the latest version. The refusal
 * itself is the form's (`renderMessageExtra`), so it is said once, where the form's other refusals are.
 */
export function ConflictReload({
  explain = false,
  label,
  onReload,
}: {
  explain?: boolean;
  /** The button's words, when the thing reloaded has its own ("Reload the board"). */
  label?: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {explain && <p>{t('reviews.conflict.explain')}</p>}
      <Button variant="secondary" onClick={onReload}>
        {label ?? t('reviews.conflict.reload')}
      </Button>
    </>
  );
}
