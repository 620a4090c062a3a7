import { Alert, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';

/** First start in production mode: the organization and its first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm();
  const [values, setValues] = useState({ organizationName: '', displayName: '', email: '', password: '' });
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [key]: e.currentTarget.value });
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.submit(() => post('/api/setup', values))) navigate('/connexion');
  };
  return (
    <Center mih="100vh" p="md" component="main">
      <Card withBorder shadow="sm" padding="xl" w={440}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h3">
              {t('setup.title')}
            </Title>
            <Text c="dimmed">{t('setup.intro')}</Text>
            {form.error && <Alert color="red">{form.error.message}</Alert>}
            <TextInput
              label={t('setup.organization')}
              required
              value={values.organizationName}
              onChange={set('organizationName')}
              error={form.fieldError('organizationName')}
            />
            <TextInput
              label={t('setup.displayName')}
              required
              value={values.displayName}
              onChange={set('displayName')}
              error={form.fieldError('displayName')}
            />
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              value={values.email}
              onChange={set('email')}
              error={form.fieldError('email')}
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('account.newHint')}
              required
              value={values.password}
              onChange={set('password')}
              error={form.fieldError('password')}
            />
            <Button type="submit" loading={form.busy}>
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
