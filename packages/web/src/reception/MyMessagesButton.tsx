import { ActionIcon, Drawer, Indicator, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MessageList } from './MessagesPage.tsx';
import { useMessageCounters } from './model.ts';

/** In the header for every colleague: my unread phone messages, red when one is overdue. */
export function MyMessagesButton() {
  const { t } = useTranslation('reception');
  const counters = useMessageCounters();
  const [opened, { open, close }] = useDisclosure();
  const unread = counters.data?.unread ?? 0;
  const open_ = counters.data?.open ?? 0;
  return (
    <>
      <Tooltip label={t('messages.counter', { unread, open: open_ })}>
        <Indicator
          label={unread}
          size={16}
          disabled={unread === 0}
          color={counters.data?.overdue ? 'red' : 'blue'}
          data-testid="my-messages-counter"
        >
          <ActionIcon
            variant="subtle"
            onClick={open}
            aria-label={t('messages.mine')}
            data-testid="my-messages"
          >
            <IconMessage size={20} />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      <Drawer opened={opened} onClose={close} position="right" title={t('messages.mine')} size="md">
        <MessageList scope="mine" />
      </Drawer>
    </>
  );
}
