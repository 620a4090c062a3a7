// The door of this capability: other capabilities import only what is exported here.
export { MyMessagesButton } from './MyMessagesButton.tsx';
export { receptionMessages } from './messages.ts';
export { PublicScreenPage } from './PublicScreenPage.tsx';
export { ReceptionArea } from './ReceptionArea.tsx';
