import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';

/** The colleagues named on a restricted item, who read it besides practitioners and its author. */
export function NamedUsersSelect({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('records');
  const { t: tRoot } = useTranslation();
  const colleagues = useQuery({
    queryKey: ['reception', 'colleagues'],
    queryFn: () => get<{ id: string; displayName: string; role: string }[]>('/api/reception/colleagues'),
    staleTime: 300_000,
  });
  return (
    <MultiSelect
      label={t('named.label')}
      description={t('named.hint')}
      size="xs"
      searchable
      data={(colleagues.data ?? [])
        .filter((c) => c.role === 'secretary')
        .map((c) => ({ value: c.id, label: `${c.displayName} (${tRoot(`roles.${c.role}`)})` }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
