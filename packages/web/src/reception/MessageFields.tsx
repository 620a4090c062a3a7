import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useColleagues } from './model.ts';

export interface MessageDraft {
  recipientId: string | null;
  callbackNumber: string;
  content: string;
}

/**
 * Recipient, callback number and content of a phone message: the same fields whether the message
 * is taken on its own or during a logged call (where the API names them under `message.`).
 */
export function MessageFields({
  value,
  onChange,
  fieldError,
  testIdPrefix,
}: {
  value: MessageDraft;
  onChange: (draft: MessageDraft) => void;
  fieldError: (field: keyof MessageDraft) => string | undefined;
  testIdPrefix: string;
}) {
  const { t } = useTranslation('reception');
  const colleagues = useColleagues();
  return (
    <>
      <Select
        label={t('messages.recipient')}
        searchable
        data={(colleagues.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
        value={value.recipientId}
        onChange={(recipientId) => onChange({ ...value, recipientId })}
        error={fieldError('recipientId')}
        data-testid={`${testIdPrefix}-recipient`}
      />
      <TextInput
        label={t('messages.callback')}
        value={value.callbackNumber}
        onChange={(e) => onChange({ ...value, callbackNumber: e.currentTarget.value })}
        error={fieldError('callbackNumber')}
        data-testid={`${testIdPrefix}-callback`}
      />
      <Textarea
        label={t('messages.content')}
        value={value.content}
        onChange={(e) => onChange({ ...value, content: e.currentTarget.value })}
        error={fieldError('content')}
        data-testid={`${testIdPrefix}-content`}
      />
    </>
  );
}
