import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { birthPlaceKind, identityDocumentKinds } from '@pivot/core/identity';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { formatDate } from '../app/date-format.ts';
import { useApiForm } from '../app/use-api-form.ts';
import type { PatientRecord } from '../patients/index.ts';
import type { DeskAppointment } from './model.ts';

/** The traits the identity check compares with the document (upper case as stored: RNIV). */
export type IdentityTraitsOf = Pick<
  PatientRecord,
  'birthName' | 'usedName' | 'birthGivenNames' | 'usedGivenName' | 'birthDate' | 'sex' | 'birthPlaceCode'
> & { identity: Pick<PatientRecord['identity'], 'status' | 'ins'> };

/** "Passeport" → "passeport", "Appli carte Vitale (ApCV)" → "appli carte Vitale (ApCV)": inside a sentence. */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);

const statusColour: Record<string, string> = {
  provisional: 'orange',
  retrieved: 'blue',
  validated: 'teal',
  qualified: 'green',
};

/**
 * The strict traits to compare with the identity document (RNIV 2021, volet 1: birth name, birth
 * given names in their order, birth date, sex, birth place), the used names beside them, the
 * status and the INS. The birth date is written jj/mm/aaaa whatever the browser's or the user's
 * language: it is read against a French document.
 */
export function IdentityTraits({ patient }: { patient: IdentityTraitsOf }) {
  const { t } = useTranslation('reception');
  const { t: tp } = useTranslation('patients');
  const place = patient.birthPlaceCode;
  const placeKind = place ? birthPlaceKind(place) : null;
  const none = (
    <Text span inherit c="dimmed">
      {t('identity.none')}
    </Text>
  );
  const rows: [string, string, React.ReactNode][] = [
    ['birthName', t('identity.birthName'), <strong key="v">{patient.birthName}</strong>],
    ['usedName', t('identity.usedName'), patient.usedName || none],
    [
      'birthGivenNames',
      t('identity.birthGivenNames'),
      <Group gap={6} key="v">
        {patient.birthGivenNames.map((name, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the meaning (two given names may be alike)
          <Text key={index} span inherit fw={index === 0 ? 700 : 400}>
            {index + 1}. {name}
          </Text>
        ))}
      </Group>,
    ],
    ['usedGivenName', t('identity.usedGivenName'), patient.usedGivenName || none],
    ['birthDate', t('identity.birthDate'), <strong key="v">{formatDate(patient.birthDate)}</strong>],
    ['sex', t('identity.sex'), tp(`sex.${patient.sex}`)],
    [
      'birthPlace',
      t('identity.birthPlace'),
      place
        ? t(placeKind === 'country' ? 'identity.countryCode' : 'identity.communeCode', { code: place })
        : none,
    ],
    [
      'status',
      t('identity.status'),
      <Badge key="v" variant="light" color={statusColour[patient.identity.status] ?? 'gray'}>
        {tp(`status.${patient.identity.status}`)}
      </Badge>,
    ],
    [
      'ins',
      t('identity.ins'),
      patient.identity.ins
        ? `${patient.identity.ins.value} (${patient.identity.ins.kind.toUpperCase()})`
        : none,
    ],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="identity-traits">
      <Table.Tbody>
        {rows.map(([key, label, value]) => (
          <Table.Tr key={key} data-testid={`trait-${key}`}>
            <Table.Th w="45%" fw={400} c="dimmed">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Arrival of a patient whose identity is not validated: the traits are compared with the document
 * shown, the document is recorded (RNIV: the status moves to validated for a high-trust one),
 * then the patient arrives.
 */
export function IdentityCheckModal({
  appointment,
  busy,
  error,
  onClose,
  onArrive,
}: {
  appointment: DeskAppointment;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onArrive: () => Promise<void>;
}) {
  const { t } = useTranslation('reception');
  const { t: tp } = useTranslation('patients');
  const [kind, setKind] = useState<string | null>(null);
  const patient = useQuery({
    queryKey: ['patients', 'record', appointment.patientId],
    queryFn: () => get<PatientRecord>(`/api/patients/${appointment.patientId}`),
  });
  const check = useApiForm();
  const seen = async () => {
    if (!kind) return;
    const result = await check.submit(() =>
      post<{ identityStatus: string }>(`/api/patients/${appointment.patientId}/identity`, {
        kind: 'check_document',
        document: { kind },
      }),
    );
    if (result) {
      notifications.show({
        color:
          result.identityStatus === 'validated' || result.identityStatus === 'qualified' ? 'green' : 'orange',
        message: t('desk.identityRecorded', { status: tp(`status.${result.identityStatus}`) }),
      });
      await onArrive();
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('desk.identityTitle', { name: appointment.patientName })}>
      <Stack>
        <Text size="sm">{t('desk.identityText')}</Text>
        {patient.isPending && <Loader size="sm" />}
        {patient.error && <Alert color="red">{patient.error.message}</Alert>}
        {patient.data && <IdentityTraits patient={patient.data} />}
        {(check.error || error) && <Alert color="red">{check.error?.message ?? error}</Alert>}
        <Select
          label={t('desk.documentSeen')}
          placeholder={t('desk.documentHint')}
          data={identityDocumentKinds.map((k) => ({ value: k, label: tp(`documents.${k}`) }))}
          value={kind}
          onChange={setKind}
          data-testid="identity-document"
        />
        <Group justify="space-between">
          <Button
            variant="subtle"
            onClick={() => void onArrive()}
            loading={busy}
            data-testid="arrive-unchecked"
          >
            {t('desk.arriveWithoutCheck')}
          </Button>
          <Button onClick={seen} disabled={!kind} loading={busy || check.busy} data-testid="identity-checked">
            {kind
              ? t('desk.checkedWith', { document: lowerFirst(tp(`documents.${kind}`)) })
              : t('desk.checkedAndArrived')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
