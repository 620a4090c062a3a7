// The door of this capability: other capabilities import only what is exported here.
export { MailArea } from './MailArea.tsx';
