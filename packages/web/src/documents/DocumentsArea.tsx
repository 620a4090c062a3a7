import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { DocumentPage } from './DocumentPage.tsx';
import { DocumentsList } from './DocumentsList.tsx';
import { LetterheadsPage } from './LetterheadsPage.tsx';
import { NewDocument } from './NewDocument.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';

function DocumentsHome() {
  const { t } = useTranslation('documents');
  return (
    <Tabs defaultValue="documents" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="documents">{t('documents')}</Tabs.Tab>
        <Tabs.Tab value="templates">{t('templates')}</Tabs.Tab>
        <Tabs.Tab value="letterheads">{t('letterheads')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="documents">
        <DocumentsList />
      </Tabs.Panel>
      <Tabs.Panel value="templates">
        <TemplatesPage />
      </Tabs.Panel>
      <Tabs.Panel value="letterheads">
        <LetterheadsPage />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The Documents area: documents and their workflow, templates and snippets. */
export function DocumentsArea() {
  return (
    <Routes>
      <Route index element={<DocumentsHome />} />
      <Route path="nouveau" element={<NewDocument />} />
      <Route path=":id" element={<DocumentPage />} />
    </Routes>
  );
}
