import { Badge, Box, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { useSession } from '../app/session.tsx';
import { type PublicBoard, useLiveBoard } from './model.ts';

/**
 * The screen in the waiting room (a TV logged in with a desk account): ticket numbers or initials,
 * the practitioner and the room. Never a name: medical secrecy holds in the waiting room too.
 */
export function PublicScreenPage() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (!me)
    return <Navigate to="/connexion" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <PublicScreen />;
}

function PublicScreen() {
  const { t } = useTranslation('reception');
  const [params] = useSearchParams();
  const mode = params.get('mode') === 'initials' ? 'initials' : 'ticket';
  const { board } = useLiveBoard<PublicBoard>(`/api/reception/waiting-room/display/stream?mode=${mode}`);
  const called = (board?.entries ?? []).filter((e) => e.stage === 'in_consultation');
  const waiting = (board?.entries ?? []).filter((e) => e.stage === 'waiting');
  return (
    <Box p="xl" bg="dark.8" mih="100vh" c="white" data-testid="public-screen">
      <SimpleGrid cols={2} spacing="xl">
        <Stack>
          <Title order={1} c="teal.3">
            {t('screen.called')}
          </Title>
          {called.map((e) => (
            <Group key={`${e.label}-${e.roomLabel}`} justify="space-between" p="md" bg="dark.6">
              <Text fz={48} fw={700} data-testid="screen-label">
                {e.label}
              </Text>
              <Stack gap={0} align="flex-end">
                <Text fz="xl">{e.roomLabel ?? ''}</Text>
                <Text c="gray.4">{e.practitionerLabel ?? ''}</Text>
              </Stack>
            </Group>
          ))}
        </Stack>
        <Stack>
          <Title order={1} c="gray.4">
            {t('screen.waiting')}
          </Title>
          <Group>
            {waiting.map((e) => (
              <Badge key={e.label} size="xl" variant="outline" color="gray" data-testid="screen-label">
                {e.label}
              </Badge>
            ))}
          </Group>
        </Stack>
      </SimpleGrid>
    </Box>
  );
}
