// The door of this capability: other capabilities import only what is exported here.
export { AgendaArea } from './AgendaArea.tsx';
export { agendaMessages } from './messages.ts';
