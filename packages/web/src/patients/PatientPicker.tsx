import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../app/api.ts';
import type { PatientSummary } from './model.ts';

const defaultLabel = (p: PatientSummary) =>
  `${p.usedName || p.birthName} ${p.usedGivenName || p.birthGivenNames[0] || ''} (${p.birthDate})`;

/**
 * A patient chosen by typing a few letters, a birth date or a NIR. The search goes in a POST body,
 * never in the address: patient data stays out of URLs and logs. The one picker of every area:
 * each names it, words its placeholder and says how a patient reads in its list.
 */
export function PatientPicker({
  label,
  placeholder,
  value,
  onChange,
  error,
  testId = 'patient-picker',
  autoFocus,
  clearable,
  nothingFound = '—',
  optionLabel = defaultLabel,
}: {
  label: string;
  placeholder?: string;
  value: string | null;
  onChange: (id: string | null, patient: PatientSummary | null) => void;
  error?: string | undefined;
  testId?: string;
  autoFocus?: boolean;
  clearable?: boolean;
  /** Shown when the search found no one. */
  nothingFound?: string;
  optionLabel?: (patient: PatientSummary) => string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['patients', 'search', debounced, 20],
    queryFn: () => post<PatientSummary[]>('/api/patients/search', { q: debounced, limit: 20 }),
    enabled: debounced.length > 1,
  });
  const patients = results.data ?? [];
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable={clearable}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id) => onChange(id, patients.find((p) => p.id === id) ?? null)}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length > 1 && !results.isFetching ? nothingFound : undefined}
      data={patients.map((p) => ({ value: p.id, label: optionLabel(p) }))}
      error={error}
      autoFocus={autoFocus}
      data-testid={testId}
    />
  );
}
