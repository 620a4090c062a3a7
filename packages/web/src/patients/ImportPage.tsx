import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ImportReportView, importFields } from '@pivot/core/patients';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';

type Mapping = Partial<Record<(typeof importFields)[number], string>>;

/** Reads the header line of the file and guesses the separator, as the server does. */
function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = [';', '\t', ','].find((s) => first.includes(s)) ?? ';';
  return first
    .split(separator)
    .map((h) => h.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
}

/** A first guess of which column feeds which field, from usual French export headers. */
const guesses: Record<string, RegExp> = {
  birthName: /^(nom( de)? naissance|nom|nomnaissance|birth.?name)$/i,
  birthGivenNames: /^(pr[ée]noms?( de naissance)?|given.?names?)$/i,
  usedName: /^(nom (d['’]usage|utilis[ée]|marital))$/i,
  birthDate: /^(date( de)? naissance|naissance|ddn|birth.?date)$/i,
  sex: /^(sexe|sex|genre)$/i,
  birthPlaceCode: /^(lieu( de)? naissance|code lieu|insee naissance)$/i,
  nir: /^(nir|n° ?ss|numero secu|num[ée]ro de s[ée]curit[ée] sociale|ins)$/i,
  mobilePhone: /^(portable|mobile|t[ée]l[ée]phone portable)$/i,
  homePhone: /^(t[ée]l[ée]phone|t[ée]l|fixe)$/i,
  email: /^(e-?mail|courriel|mail)$/i,
  addressLine1: /^(adresse|adresse 1)$/i,
  postalCode: /^(cp|code postal)$/i,
  city: /^(ville|commune)$/i,
};

export function ImportPage() {
  const { t } = useTranslation('patients');
  const form = useApiForm();
  const [csv, setCsv] = useState('');
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  const [report, setReport] = useState<ImportReportView | null>(null);

  const onFile = async (file: File | null) => {
    setReport(null);
    if (!file) return;
    const text = await file.text();
    const header = headerOf(text);
    setCsv(text);
    setColumns(header);
    const guessed: Mapping = {};
    for (const field of importFields) {
      const column = header.find((h) => guesses[field]?.test(h));
      if (column) guessed[field] = column;
    }
    setMapping(guessed);
  };
  const run = async (commit: boolean) => {
    const result = await form.submit(() =>
      post<ImportReportView>('/api/patients/import', { csv, mapping, commit }),
    );
    if (result) setReport(result);
  };

  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {t('importCsv.title')}
      </Title>
      <Text c="dimmed">{t('importCsv.intro')}</Text>
      {form.error && <Alert color="red">{form.error.message}</Alert>}
      <Card withBorder>
        <Stack>
          <FileInput
            label={t('importCsv.file')}
            accept=".csv,text/csv,text/plain"
            onChange={(f) => void onFile(f)}
            clearable
          />
          {columns.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {importFields.map((field) => (
                <Select
                  key={field}
                  label={t(`importCsv.fields.${field}`)}
                  placeholder={t('importCsv.none')}
                  data={columns}
                  value={mapping[field] ?? null}
                  onChange={(v) => setMapping({ ...mapping, [field]: v ?? undefined })}
                  clearable
                  size="xs"
                />
              ))}
            </SimpleGrid>
          )}
          <Group>
            <Button variant="default" disabled={!csv} loading={form.busy} onClick={() => void run(false)}>
              {t('importCsv.dryRun')}
            </Button>
            <Button disabled={!report || report.committed} loading={form.busy} onClick={() => void run(true)}>
              {t('importCsv.commit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {report && (
        <Card withBorder>
          <Stack>
            <Text fw={600}>{t('importCsv.total', { total: report.total, valid: report.valid })}</Text>
            {report.committed && (
              <Alert color="green">{t('importCsv.created', { count: report.created })}</Alert>
            )}
            {report.errors.length > 0 && (
              <>
                <Title order={2} size="h5">
                  {t('importCsv.errors')}
                </Title>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('importCsv.line')}</Table.Th>
                      <Table.Th>{t('importCsv.field')}</Table.Th>
                      <Table.Th>{t('importCsv.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.errors.slice(0, 200).map((e) => (
                      <Table.Tr key={`${e.line}-${e.field}-${e.code}`}>
                        <Table.Td>{e.line}</Table.Td>
                        <Table.Td>{t(`importCsv.fields.${e.field}`, { defaultValue: e.field })}</Table.Td>
                        <Table.Td>{e.code}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {report.duplicatesInFile.length > 0 && (
              <>
                <Title order={2} size="h5">
                  {t('importCsv.inFile')}
                </Title>
                <Text size="sm">
                  {report.duplicatesInFile
                    .map(
                      (d) =>
                        `${t('importCsv.line')} ${d.line} ${t('importCsv.other', { line: d.otherLine })}`,
                    )
                    .join(' · ')}
                </Text>
              </>
            )}
            {report.duplicatesInDatabase.length > 0 && (
              <>
                <Title order={2} size="h5">
                  {t('importCsv.inDatabase')}
                </Title>
                <Group gap="md">
                  {report.duplicatesInDatabase.slice(0, 200).map((d) => (
                    <Text size="sm" key={d.line}>
                      {t('importCsv.line')} {d.line} ({d.score}) —{' '}
                      <Anchor component={Link} to={`/patients/${d.patientId}`}>
                        {t('importCsv.open')}
                      </Anchor>
                    </Text>
                  ))}
                </Group>
              </>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
