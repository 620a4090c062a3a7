import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';

interface PractitionerOption {
  id: string;
  kind: string;
  familyName?: string;
  givenName?: string;
  specialty?: string | null;
  address?: { city?: string | null } | null;
}

/** The attending physician (médecin traitant), chosen among the practitioners of the directory. */
export function AttendingPhysicianSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('patients');
  const practitioners = useQuery({
    queryKey: ['directory', 'practitioners'],
    queryFn: () => get<PractitionerOption[]>('/api/directory/correspondents?kind=practitioner&limit=200'),
    staleTime: 60_000,
  });
  const data = (practitioners.data ?? []).map((p) => ({
    value: p.id,
    label: [`${p.familyName ?? ''} ${p.givenName ?? ''}`.trim(), p.specialty, p.address?.city]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <Select
      label={t('form.attendingPhysician')}
      placeholder={t('form.attendingPhysicianNone')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      clearable
      nothingFoundMessage={t('form.attendingPhysicianNotFound')}
      error={error}
    />
  );
}
