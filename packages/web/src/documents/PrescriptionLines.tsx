import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrescriptionLine } from './model.ts';

export function PrescriptionLines({
  lines,
  onChange,
  readOnly,
  bizone,
}: {
  lines: PrescriptionLine[];
  onChange: (lines: PrescriptionLine[]) => void;
  readOnly: boolean;
  /** The two-zone ALD form: each line says which zone it is printed in. */
  bizone: boolean;
}) {
  const { t } = useTranslation('documents');
  const set = (i: number, key: keyof PrescriptionLine, value: string | null) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, [key]: value } : l)));
  return (
    <Paper withBorder p="sm">
      <Text fw={500} mb="xs">
        {t('items')}
      </Text>
      <Stack gap="xs">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: prescription lines have no identity but their position
          <Group key={i} grow>
            {(['product', 'dosage', 'posology', 'duration'] as const).map((key) => (
              <TextInput
                key={key}
                size="xs"
                label={t(key)}
                readOnly={readOnly}
                value={line[key] ?? ''}
                onChange={(e) => set(i, key, e.currentTarget.value)}
                data-testid={`item-${i}-${key}`}
              />
            ))}
            {bizone && (
              <Select
                size="xs"
                label={t('zone')}
                readOnly={readOnly}
                value={line.zone ?? null}
                onChange={(v) => set(i, 'zone', v)}
                data={[
                  { value: 'ald', label: t('zones.ald') },
                  { value: 'other', label: t('zones.other') },
                ]}
                error={!line.zone && (line.product ?? '').trim() !== '' ? t('zoneRequired') : undefined}
                data-testid={`item-${i}-zone`}
              />
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => onChange([...lines, bizone ? { zone: 'ald' } : {}])}
            >
              {t('addItem')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
