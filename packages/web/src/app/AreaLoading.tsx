import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/** While an area's chunk downloads: the shell stays, the page says it is loading. */
export function AreaLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullScreen ? '100vh' : 240} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed" size="sm">
          {t('app.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

function ChunkFailed() {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('app.chunkFailed')} maw={640}>
      <Text size="sm" mb="sm">
        {t('app.chunkFailedHint')}
      </Text>
      <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </Alert>
  );
}

// After an update of the server, the chunks a page open since the day before asks for no longer
// exist: say so and offer to reload rather than leave a blank page.
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <ChunkFailed /> : this.props.children;
  }
}

/** One area, loaded on demand, with its loading state and its failure. */
export function AreaSuspense({ children, fullScreen }: { children: ReactNode; fullScreen?: boolean }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<AreaLoading fullScreen={fullScreen} />}>{children}</Suspense>
    </ChunkBoundary>
  );
}
