import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RevokedSessionsView, TotpSetupView } from '@pivot/core/auth';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';

export function AccountPage() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const passwordForm = useApiForm();
  const totpForm = useApiForm();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  if (!me) return null;

  const changePassword = async (event: React.FormEvent) => {
    event.preventDefault();
    if (
      await passwordForm.submit(() =>
        post('/api/auth/password', { currentPassword: current, newPassword: next }),
      )
    ) {
      setCurrent('');
      setNext('');
      notifications.show({ message: t('account.saved'), color: 'green' });
    }
  };
  const startTotp = async () => {
    const result = await totpForm.submit(() => post<TotpSetupView>('/api/auth/totp/setup'));
    if (result) setEnrolment(result);
  };
  const confirmTotp = async () => {
    const path = me.totpEnabled ? '/api/auth/totp/disable' : '/api/auth/totp/confirm';
    if (await totpForm.submit(() => post(path, { code }))) {
      setEnrolment(null);
      setCode('');
      await refresh();
    }
  };
  const closeSessions = async () => {
    const result = await post<RevokedSessionsView>('/api/auth/sessions/revoke-all');
    notifications.show({ message: t('account.sessionsDone', { count: result.revoked }) });
  };

  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {t('auth.account')}
      </Title>
      <Card withBorder>
        <Text fw={600}>{me.displayName}</Text>
        <Text c="dimmed" size="sm">
          {me.email} · {t(`roles.${me.role}`)} · {me.organizationName}
        </Text>
      </Card>
      <Card withBorder component="form" onSubmit={changePassword} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('account.password')}
          </Title>
          <PasswordInput
            label={t('account.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={passwordForm.fieldError('currentPassword')}
          />
          <PasswordInput
            label={t('account.new')}
            description={t('account.newHint')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={passwordForm.fieldError('newPassword')}
          />
          <Group>
            <Button type="submit" loading={passwordForm.busy}>
              {t('account.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('account.totp')}
            </Title>
            <Badge color={me.totpEnabled ? 'green' : 'gray'}>
              {me.totpEnabled ? t('account.totpOn') : t('account.totpOff')}
            </Badge>
          </Group>
          {totpForm.error && <Alert color="red">{totpForm.error.message}</Alert>}
          {enrolment && (
            <>
              <Text size="sm">{t('account.totpSecret')}</Text>
              <Code block>{enrolment.secret}</Code>
            </>
          )}
          {(enrolment || me.totpEnabled) && (
            <TextInput
              label={t('auth.totp')}
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
          )}
          <Group>
            {!me.totpEnabled && !enrolment && (
              <Button onClick={() => void startTotp()}>{t('account.totpStart')}</Button>
            )}
            {(enrolment || me.totpEnabled) && (
              <Button onClick={() => void confirmTotp()} color={me.totpEnabled ? 'red' : undefined}>
                {me.totpEnabled ? t('account.totpDisable') : t('account.totpConfirm')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      <Group>
        <Button variant="default" onClick={() => void closeSessions()}>
          {t('account.sessions')}
        </Button>
      </Group>
    </Stack>
  );
}
