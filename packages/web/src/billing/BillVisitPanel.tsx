import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type {
  BilledVisitView,
  BillingPractitionerView,
  CatalogueView,
  VisitDraftView,
  VisitPreviewView,
} from '@pivot/core/billing';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError, download, get, post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import type { PatientSummary } from '../patients/index.ts';
import { usePatientSearch } from '../patients/index.ts';
import { centsOf, euros, frenchDate, todayIso } from './money.ts';
import { PaymentForm } from './PaymentForm.tsx';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const feeText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** `?patient=…&practitioner=…&appointment=…` (appointment optional) read from the address. */
function useDraftParams() {
  const [params, setParams] = useSearchParams();
  const patient = params.get('patient');
  const practitioner = params.get('practitioner');
  const appointment = params.get('appointment');
  const valid =
    patient !== null &&
    practitioner !== null &&
    uuid.test(patient) &&
    uuid.test(practitioner) &&
    (appointment === null || uuid.test(appointment));
  const draft = useQuery({
    queryKey: ['billing', 'draft', patient, practitioner, appointment],
    queryFn: () =>
      get<VisitDraftView>(
        `/api/billing/visit-draft?patientId=${patient}&practitionerId=${practitioner}${
          appointment ? `&appointmentId=${appointment}` : ''
        }`,
      ),
    enabled: valid,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    key: valid ? `${patient}/${practitioner}/${appointment ?? ''}` : null,
    invalid: params.has('patient') && !valid,
    draft,
    clear: () => setParams({}, { replace: true }),
  };
}

interface ActLine {
  key: number;
  code: string;
  fee: string;
}

export function usePractitioners() {
  return useQuery({
    queryKey: ['billing', 'practitioners'],
    queryFn: () => get<BillingPractitionerView[]>('/api/billing/practitioners'),
  });
}

function PatientPicker({
  value,
  onChange,
}: {
  value: PatientSummary | null;
  onChange: (p: PatientSummary | null) => void;
}) {
  const { t } = useTranslation('billing');
  const [term, setTerm] = useState('');
  const search = usePatientSearch(term, 8);
  if (value) {
    return (
      <Group data-testid="billing-patient">
        <Text fw={600}>
          {(value.usedName || value.birthName).toUpperCase()}{' '}
          {value.usedGivenName || value.birthGivenNames[0]}
        </Text>
        <Text c="dimmed">{frenchDate(value.birthDate)}</Text>
        <Anchor component="button" type="button" onClick={() => onChange(null)}>
          {t('visit.changePatient')}
        </Anchor>
      </Group>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        label={t('visit.patient')}
        placeholder={t('visit.patientHint')}
        leftSection={<IconSearch size={16} />}
        value={term}
        onChange={(e) => setTerm(e.currentTarget.value)}
      />
      {search.results.map((p) => (
        <Button
          key={p.id}
          variant="subtle"
          justify="flex-start"
          data-testid="billing-patient-result"
          onClick={() => onChange(p)}
        >
          {(p.usedName || p.birthName).toUpperCase()} {p.usedGivenName || p.birthGivenNames[0]} —{' '}
          {frenchDate(p.birthDate)}
        </Button>
      ))}
    </Stack>
  );
}

/** Bill a visit in one screen: patient, practitioner, acts, the split computed by the server live. */
export function BillVisitPanel() {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const practitioners = usePractitioners();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [acts, setActs] = useState<ActLine[]>([]);
  const [pick, setPick] = useState<string | null>(null);
  const [carePathway, setCarePathway] = useState(true);
  const [quoteGiven, setQuoteGiven] = useState(false);
  const [vitaleCard, setVitaleCard] = useState(false);
  const [amcOverbilling, setAmcOverbilling] = useState<number>(0);
  const [billed, setBilled] = useState<BilledVisitView | null>(null);
  const [appointment, setAppointment] = useState<VisitDraftView['appointment']>(null);
  const [alreadyBilled, setAlreadyBilled] = useState<VisitDraftView['alreadyBilled']>(null);
  const [appliedDraft, setAppliedDraft] = useState<string | null>(null);
  const form = useApiForm();
  const fromAddress = useDraftParams();
  const draftData = fromAddress.draft.data;
  const draftError = fromAddress.draft.error instanceof ApiError ? fromAddress.draft.error : null;
  useEffect(() => {
    if (!draftData || !fromAddress.key || appliedDraft === fromAddress.key) return;
    setAppliedDraft(fromAddress.key);
    setBilled(null);
    setPatient(draftData.patient);
    setPractitionerId(draftData.practitionerId);
    setDate(draftData.date);
    setAppointment(draftData.appointment);
    setAlreadyBilled(draftData.alreadyBilled);
    setActs(
      draftData.suggestedActs.map((a, i) => ({
        key: Date.now() + i,
        code: a.code,
        fee: feeText(a.feeCents),
      })),
    );
  }, [draftData, fromAddress.key, appliedDraft]);
  const practitioner = practitioners.data?.find((p) => p.id === practitionerId);
  const catalogue = useQuery({
    queryKey: ['billing', 'catalogue', date],
    queryFn: () => get<CatalogueView>(`/api/billing/catalogue?date=${date}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const sector = practitioner?.sector ?? '1';
  const available = (catalogue.data?.acts ?? []).filter((a) =>
    a.tariffs.some((x) => x.sector === sector || x.sector === 'all'),
  );
  const body =
    patient && practitionerId && acts.length > 0
      ? {
          patientId: patient.id,
          practitionerId,
          date,
          carePathway: carePathway ? 'in' : 'out',
          acts: acts.map((a) => ({
            code: a.code,
            ...(centsOf(a.fee) !== null ? { feeCents: centsOf(a.fee) } : {}),
          })),
          complementaryContract: {
            paysCopayment: true,
            overbillingShare: 10_000,
            overbillingCapOfBase: amcOverbilling * 100,
          },
          quoteGiven,
          vitaleCard,
          ...(appointment ? { appointmentId: appointment.id } : {}),
        }
      : null;
  const [debouncedBody] = useDebouncedValue(body, 250);
  const preview = useQuery({
    queryKey: ['billing', 'preview', debouncedBody],
    queryFn: () => post<VisitPreviewView>('/api/billing/visits/preview', debouncedBody),
    enabled: debouncedBody !== null,
    retry: false,
  });
  const previewError = preview.error instanceof ApiError ? preview.error : null;

  const addAct = () => {
    const act = available.find((a) => a.code === pick);
    if (!act) return;
    const tariff =
      act.tariffs.find((x) => x.sector === sector) ?? act.tariffs.find((x) => x.sector === 'all');
    setActs([
      ...acts,
      {
        key: Date.now() + acts.length,
        code: act.code,
        fee: tariff ? (tariff.amountCents / 100).toFixed(2).replace('.', ',') : '',
      },
    ]);
    setPick(null);
  };

  const bill = async () => {
    if (!body) return;
    const result = await form.submit(() => post<BilledVisitView>('/api/billing/visits', body));
    if (result) {
      setBilled(result);
      notifications.show({ color: 'green', message: t('visit.billed', { number: result.number }) });
      await client.invalidateQueries({ queryKey: ['billing'] });
    }
  };

  // The written quote (information écrite préalable) the law requires from 70 € with overbilling.
  const printQuote = async () => {
    if (!body) return;
    const { quoteGiven: _given, ...rest } = body;
    let quote: Blob;
    try {
      quote = await download('POST', '/api/billing/visits/quote', rest);
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
      return;
    }
    const url = URL.createObjectURL(quote);
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const reset = () => {
    setBilled(null);
    setActs([]);
    setPatient(null);
    setQuoteGiven(false);
    setAppointment(null);
    setAlreadyBilled(null);
    if (fromAddress.key) fromAddress.clear();
  };
  const changePatient = (p: PatientSummary | null) => {
    setPatient(p);
    // The appointment belongs to the patient it was opened for.
    setAppointment(null);
    setAlreadyBilled(null);
  };

  if (billed && patient) {
    return (
      <Stack maw={720}>
        <Alert color="green" title={t('visit.billed', { number: billed.number })}>
          <Group>
            <Anchor href={`/api/billing/invoices/${billed.invoiceId}/pdf`} target="_blank">
              {t('invoices.pdf')}
            </Anchor>
            <Text>
              {t('split.atDesk')} :{' '}
              <strong>{euros(billed.split.patientPaysAtDeskCents, i18n.language)}</strong>
            </Text>
          </Group>
        </Alert>
        {billed.split.patientPaysAtDeskCents > 0 && (
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('payments.take')}
            </Title>
            <PaymentForm
              patientId={patient.id}
              date={date}
              amountCents={billed.split.patientPaysAtDeskCents}
              onDone={reset}
            />
          </Card>
        )}
        <Button variant="default" onClick={reset}>
          {t('visit.next')}
        </Button>
      </Stack>
    );
  }

  const split = preview.data?.split;
  const startsAt = appointment
    ? new Intl.DateTimeFormat(i18n.language, {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(appointment.startsAt))
    : '';
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <Stack>
        {(fromAddress.invalid || draftError) && (
          <Alert color="red" data-testid="billing-draft-error">
            {draftError?.message ?? t('visit.badLink')}
          </Alert>
        )}
        {appointment && (
          <Alert color="blue" data-testid="billing-appointment" title={t('visit.fromAppointment')}>
            {t('visit.appointmentOf', {
              date: frenchDate(appointment.date),
              time: startsAt,
              type: i18n.language.startsWith('en') ? appointment.type.en : appointment.type.fr,
            })}
          </Alert>
        )}
        {alreadyBilled && (
          <Alert color="orange" data-testid="billing-already-billed" title={t('visit.alreadyBilled')}>
            <Anchor href={`/api/billing/invoices/${alreadyBilled.id}/pdf`} target="_blank">
              {t('visit.alreadyBilledInvoice', { number: alreadyBilled.number })}
            </Anchor>
          </Alert>
        )}
        <PatientPicker value={patient} onChange={changePatient} />
        <Group grow>
          <Select
            label={t('visit.practitioner')}
            data={(practitioners.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}${p.sector ? ` — ${t(`sector.${p.sector}`)}` : ''}`,
            }))}
            value={practitionerId}
            onChange={setPractitionerId}
          />
          <TextInput
            label={t('visit.date')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        </Group>
        <Group align="flex-end">
          <Select
            label={t('visit.act')}
            searchable
            data={available.map((a) => ({ value: a.code, label: `${a.code} — ${a.label}` }))}
            value={pick}
            onChange={setPick}
            style={{ flex: 1 }}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={addAct} disabled={!pick}>
            {t('visit.addAct')}
          </Button>
        </Group>
        {acts.length > 0 && (
          <Table>
            <Table.Tbody>
              {acts.map((a, i) => (
                <Table.Tr key={a.key}>
                  <Table.Td>{a.code}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('visit.fee', { code: a.code })}
                      value={a.fee}
                      rightSection="€"
                      error={previewError?.field === `acts.${i}.feeCents` ? previewError.message : undefined}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setActs(acts.map((x, j) => (j === i ? { ...x, fee: value } : x)));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      aria-label={t('visit.removeAct')}
                      onClick={() => setActs(acts.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Checkbox
          label={t('visit.carePathway')}
          checked={carePathway}
          onChange={(e) => setCarePathway(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('visit.vitaleCard')}
          checked={vitaleCard}
          onChange={(e) => setVitaleCard(e.currentTarget.checked)}
        />
        <NumberInput
          label={t('visit.amcOverbilling')}
          description={t('visit.amcOverbillingHint')}
          min={0}
          max={1000}
          suffix=" %"
          value={amcOverbilling}
          onChange={(v) => setAmcOverbilling(Number(v) || 0)}
        />
        <Group justify="space-between" align="flex-start">
          <Checkbox
            label={t('visit.quoteGiven')}
            checked={quoteGiven}
            onChange={(e) => setQuoteGiven(e.currentTarget.checked)}
            error={previewError?.field === 'quoteGiven' ? previewError.message : undefined}
          />
          {body &&
            ((preview.data?.split.overbillingCents ?? 0) > 0 || previewError?.field === 'quoteGiven') && (
              <Button size="xs" variant="light" onClick={printQuote} data-testid="print-quote">
                {t('visit.printQuote')}
              </Button>
            )}
        </Group>
        {catalogue.data && (
          <Text size="xs" c="dimmed">
            {t('visit.catalogue', { edition: catalogue.data.edition })}
          </Text>
        )}
      </Stack>
      <Stack>
        <Title order={4}>{t('split.title')}</Title>
        {previewError && previewError.field !== 'quoteGiven' && !alreadyBilled && (
          <Alert color="red">{previewError.message}</Alert>
        )}
        {previewError?.field === 'quoteGiven' && <Alert color="orange">{previewError.message}</Alert>}
        {split ? (
          <Table data-testid="billing-split">
            <Table.Tbody>
              {(
                [
                  ['fee', split.feeCents],
                  ['base', split.baseCents],
                  ['overbilling', split.overbillingCents],
                  ['amo', split.amoCents],
                  ['flat', split.flatContributionCents],
                  ['amc', split.amcCents],
                  ['remainder', split.patientRemainderCents],
                  ['atDesk', split.patientPaysAtDeskCents],
                ] as const
              ).map(([key, value]) => (
                <Table.Tr key={key} fw={key === 'atDesk' ? 700 : undefined}>
                  <Table.Td>{t(`split.${key}`)}</Table.Td>
                  <Table.Td ta="right" data-testid={`split-${key}`}>
                    {euros(value, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td>{t('split.thirdParty')}</Table.Td>
                <Table.Td ta="right">
                  {[
                    preview.data?.thirdPartyPayment.amo && 'AMO',
                    preview.data?.thirdPartyPayment.amc && 'AMC',
                  ]
                    .filter(Boolean)
                    .join(' + ') || t('split.none')}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : (
          !previewError && <Text c="dimmed">{t('split.empty')}</Text>
        )}
        {form.generalError && <Alert color="red">{form.generalError}</Alert>}
        <Button
          size="md"
          onClick={bill}
          loading={form.busy}
          disabled={!body || !split || alreadyBilled !== null}
        >
          {t('visit.bill')}
        </Button>
      </Stack>
    </SimpleGrid>
  );
}
