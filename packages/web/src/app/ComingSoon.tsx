import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An area not built yet says what it will hold; it shows no fake data. */
export function ComingSoon({ area }: { area: string }) {
  const { t } = useTranslation();
  const items = t(`coming.${area}`, { returnObjects: true }) as string[];
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        {t(`areas.${area}`)}
      </Title>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          {t('coming.title')}
        </Title>
        <Text c="dimmed" mb="sm">
          {t('coming.intro')}
        </Text>
        <List spacing={4}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}
