import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { AuditPanel } from '../audit/index.ts';
import { UsersPanel } from '../auth/index.ts';
import { OrganizationPanel } from '../organization/index.ts';

export function AdministrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tab = useParams()['*'] || 'utilisateurs';
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('areas.admin')}
      </Title>
      <Tabs value={tab} onChange={(v) => navigate(`/administration/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="utilisateurs">{t('admin.users')}</Tabs.Tab>
          <Tabs.Tab value="structure">{t('admin.organization')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('admin.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="utilisateurs" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="structure" pt="md">
          <OrganizationPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
