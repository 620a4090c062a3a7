import { Alert, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { SetupStateView } from '@pivot/core/auth';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { get, post } from '../app/api.ts';
import type { Me } from '../app/session.tsx';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const form = useApiForm();
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => get<SetupStateView>('/api/setup'),
  });

  if (setup.data?.needed && setup.data.mode === 'production')
    return <Navigate to="/premier-demarrage" replace />;
  if (me) return <Navigate to="/" replace />;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const user = await form.submit(() =>
      post<Me>('/api/auth/login', { email, password, ...(needTotp ? { totp } : {}) }),
    );
    if (user) {
      if (user.language !== i18n.language) await i18n.changeLanguage(user.language);
      client.setQueryData(['me'], user);
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    }
  };
  if (form.error?.code === 'totp_required' && !needTotp) setNeedTotp(true);

  return (
    <Center mih="100vh" p="md" component="main">
      <Card withBorder shadow="sm" padding="xl" w={400}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Center>
              <img src="/favicon.svg" alt="" width={48} height={48} />
            </Center>
            <Title order={1} size="h3" ta="center">
              Pivot — {t('auth.title')}
            </Title>
            {form.error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {form.error.message}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {needTotp && (
              <TextInput
                label={t('auth.totp')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value)}
              />
            )}
            <Button type="submit" loading={form.busy} fullWidth>
              {t('auth.submit')}
            </Button>
            {setup.data?.mode === 'demo' && (
              <Text size="xs" c="dimmed">
                {t('auth.demoHint')}
              </Text>
            )}
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
