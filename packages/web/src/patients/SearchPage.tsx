import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconCopy, IconFileImport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../app/api.ts';
import { formatDate } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { MyPatientsBreakGlass } from '../records/index.ts';
import { GivenNamesCell, IdentityBadge, NamesCell, useAge } from './components.tsx';
import type { PatientSummary } from './model.ts';

// Kept in memory only (never in the URL, never stored): coming back from a record shows the same list.
let lastTerm = '';

/** Where a result leads: the record itself, or the surviving record of a merged identity. */
export function recordPathOf(p: PatientSummary) {
  return `/patients/${p.mergedInto ?? p.id}`;
}

export function usePatientSearch(term: string, limit = 20) {
  const [debounced] = useDebouncedValue(term.trim(), 150);
  const query = useQuery({
    queryKey: ['patients', 'search', debounced, limit],
    queryFn: () => post<PatientSummary[]>('/api/patients/search', { q: debounced, limit }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  return { ...query, debounced, results: debounced ? (query.data ?? []) : [] };
}

export function SearchPage() {
  const { t } = useTranslation('patients');
  const { can } = useSession();
  const navigate = useNavigate();
  const age = useAge();
  const [term, setTerm] = useState(lastTerm);
  const [activeRow, setActive] = useState(0);
  const search = usePatientSearch(term);
  const results = search.results;
  const active = Math.min(activeRow, Math.max(results.length - 1, 0));

  useEffect(() => {
    lastTerm = term;
  }, [term]);

  const open = (p: PatientSummary) => navigate(recordPathOf(p));
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (results.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active];
      if (chosen) open(chosen);
    }
  };
  useEffect(() => {
    document.getElementById(`patient-result-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Group gap="xs">
          {can('patients.write') && (
            <Button
              component={Link}
              to="/patients/nouveau"
              leftSection={<IconUserPlus size={16} />}
              size="sm"
            >
              {t('search.new')}
            </Button>
          )}
          <Button
            component={Link}
            to="/patients/doublons"
            variant="default"
            leftSection={<IconCopy size={16} />}
            size="sm"
          >
            {t('search.worklist')}
          </Button>
          {can('patients.write') && (
            <Button
              component={Link}
              to="/patients/import"
              variant="default"
              leftSection={<IconFileImport size={16} />}
              size="sm"
            >
              {t('importCsv.button')}
            </Button>
          )}
          <Button
            component={Link}
            to="/repertoire"
            variant="subtle"
            leftSection={<IconAddressBook size={16} />}
            size="sm"
          >
            {t('search.directory')}
          </Button>
        </Group>
      </Group>
      {can('records.readConfidential') && <MyPatientsBreakGlass />}
      <TextInput
        autoFocus
        size="md"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="patient-results"
        aria-activedescendant={results.length > 0 ? `patient-result-${active}` : undefined}
        aria-autocomplete="list"
        label={t('search.label')}
        description={t('search.hint')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        value={term}
        onChange={(e) => {
          setTerm(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        data-testid="patient-search"
      />
      {search.error && <Alert color="red">{search.error.message}</Alert>}
      {search.debounced && !search.isFetching && search.data && results.length === 0 && (
        <Text c="dimmed" size="sm" role="status">
          {t('search.none')}
        </Text>
      )}
      {results.length > 0 && (
        <>
          <Text size="xs" c="dimmed" role="status">
            {t('search.count', { count: results.length })}
          </Text>
          <Table highlightOnHover withTableBorder verticalSpacing={4} id="patient-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.birthName')}</Table.Th>
                <Table.Th>{t('fields.givenNames')}</Table.Th>
                <Table.Th>{t('fields.birthDate')}</Table.Th>
                <Table.Th>{t('fields.age')}</Table.Th>
                <Table.Th>{t('fields.sex')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody role="listbox" aria-label={t('search.results')}>
              {results.map((p, i) => (
                <Table.Tr
                  key={p.id}
                  id={`patient-result-${i}`}
                  role="option"
                  aria-selected={i === active}
                  bg={i === active ? 'var(--mantine-color-pivot-0)' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => open(p)}
                  onMouseEnter={() => setActive(i)}
                  data-testid="patient-result"
                >
                  <Table.Td>
                    <Anchor component={Link} to={recordPathOf(p)} underline="never" c="inherit">
                      <NamesCell patient={p} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <GivenNamesCell patient={p} />
                  </Table.Td>
                  <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                  <Table.Td>{age(p.birthDate)}</Table.Td>
                  <Table.Td>{t(`sex.${p.sex}`)}</Table.Td>
                  <Table.Td>
                    {p.mergedInto ? (
                      <Text size="xs" c="orange.9" fw={600}>
                        {t('search.merged')}
                      </Text>
                    ) : (
                      <IdentityBadge status={p.identityStatus} size="xs" />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
