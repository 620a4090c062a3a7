import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../app/session.tsx';
import { CallsPage } from './CallsPage.tsx';
import { DeskPage } from './DeskPage.tsx';
import { IncidentsPage } from './IncidentsPage.tsx';
import { MessagesPage } from './MessagesPage.tsx';
import { useMessageCounters } from './model.ts';
import { OrientationPage } from './OrientationPage.tsx';
import { TriageProtocolsPage } from './TriageProtocolsPage.tsx';
import { WaitingRoomPage } from './WaitingRoomPage.tsx';

/** Each tab has its own address under /accueil (French paths, like the other areas). */
export const receptionPaths = {
  desk: 'jour',
  waitingRoom: 'salle-attente',
  calls: 'appels',
  messages: 'messages',
  orientation: 'orientation',
  incidents: 'incidents',
  protocols: 'protocoles',
} as const;
type TabKey = keyof typeof receptionPaths;

/** The secretary's first screen: the day, the waiting room, the phone, orientation, incidents. */
export function ReceptionArea() {
  const { t } = useTranslation('reception');
  const location = useLocation();
  const navigate = useNavigate();
  const { can } = useSession();
  const counters = useMessageCounters();
  const tabs: TabKey[] = [
    'desk',
    'waitingRoom',
    'calls',
    'messages',
    'orientation',
    'incidents',
    ...(can('reception.manage') ? (['protocols'] as const) : []),
  ];
  const segment = location.pathname.replace(/^\/accueil\/?/, '').split('/')[0] ?? '';
  const tab = tabs.find((key) => receptionPaths[key] === segment);
  if (!tab) return <Navigate to={`/accueil/${receptionPaths.desk}`} replace />;
  const panels: Record<TabKey, React.ReactNode> = {
    desk: <DeskPage />,
    waitingRoom: <WaitingRoomPage />,
    calls: <CallsPage />,
    messages: <MessagesPage />,
    orientation: <OrientationPage />,
    incidents: <IncidentsPage />,
    protocols: <TriageProtocolsPage />,
  };
  const unread = counters.data?.unread ?? 0;
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs
        value={tab}
        onChange={(key) => key && navigate(`/accueil/${receptionPaths[key as TabKey]}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`reception-tab-${key}`}>
              <Group gap={6} wrap="nowrap">
                {t(`tabs.${key}`)}
                {key === 'messages' && unread > 0 && (
                  <Badge
                    size="sm"
                    color={counters.data?.overdue ? 'red' : 'blue'}
                    data-testid="unread-messages"
                  >
                    {unread}
                  </Badge>
                )}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          {panels[tab]}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
