import { Badge } from '@mantine/core';
import { documentKindRules } from '@pivot/core/documents';
import { useTranslation } from 'react-i18next';

export const statusColors: Record<string, string> = {
  draft: 'gray',
  to_validate: 'orange',
  validated: 'green',
  sent: 'blue',
  filed: 'dark',
};

export function useKindLabel() {
  const { i18n } = useTranslation();
  return (kind: string) => {
    const labels: Record<string, { fr: string; en: string }> = kindLabels;
    return labels[kind]?.[i18n.language === 'en' ? 'en' : 'fr'] ?? kind;
  };
}

export const kindLabels = Object.fromEntries(
  Object.entries(documentKindRules).map(([k, r]) => [k, r.labels]),
);

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('documents');
  return (
    <Badge color={statusColors[status] ?? 'gray'} data-testid="document-status">
      {t(`statuses.${status}`)}
    </Badge>
  );
}
