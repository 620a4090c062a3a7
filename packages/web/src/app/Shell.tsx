import {
  Anchor,
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  SegmentedControl,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { post, put } from './api.ts';
import { MyMessagesButton } from './area-pages.tsx';
import { areas } from './areas.tsx';
import { useSession } from './session.tsx';

export function Shell() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  if (!me) return null;
  const visible = areas.filter((a) => me.areas.includes(a.key));

  const logout = async () => {
    await post('/api/auth/logout');
    client.setQueryData(['me'], null);
    navigate('/connexion');
  };
  const changeLanguage = async (language: string) => {
    await i18n.changeLanguage(language);
    await put('/api/auth/me/language', { language });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <Anchor href="#main" className="skip-link">
        {t('app.skip')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {me.organizationName}
            </Text>
          </Group>
          <Group gap="md">
            <Suspense fallback={null}>
              <MyMessagesButton />
            </Suspense>
            <SegmentedControl
              size="xs"
              aria-label={t('account.language')}
              value={i18n.language}
              onChange={(v) => void changeLanguage(v)}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Menu position="bottom-end" withArrow>
              <Menu.Target>
                <UnstyledButton aria-label={t('auth.account')} data-testid="user-menu">
                  <Group gap={8}>
                    <Avatar color="pivot" radius="xl" size="sm">
                      {me.displayName.slice(0, 1)}
                    </Avatar>
                    <div>
                      <Text size="sm" fw={600} lh={1.2}>
                        {me.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {t(`roles.${me.role}`)}
                      </Text>
                    </div>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={Link} to="/compte" leftSection={<IconUserCircle size={16} />}>
                  {t('auth.account')}
                </Menu.Item>
                <Menu.Item onClick={() => void logout()} leftSection={<IconLogout size={16} />}>
                  {t('auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation">
        <nav>
          {visible.map((area) => (
            <NavLink
              key={area.key}
              component={Link}
              to={area.path}
              label={t(`areas.${area.key}`)}
              leftSection={<area.icon size={18} stroke={1.7} />}
              active={location.pathname.startsWith(area.path)}
              onClick={close}
              data-testid={`nav-${area.key}`}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
