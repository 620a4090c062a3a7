// The door of this capability: other capabilities import only what is exported here.
export { CareTeamPanel } from './CareTeamPanel.tsx';
export type { BodyView, CorrespondentView } from './correspondent.ts';
export { formatPhone } from './correspondent.ts';
export { DirectoryPage } from './DirectoryPage.tsx';
export { directoryMessages } from './messages.ts';
export { useCorrespondents } from './use-correspondents.ts';
