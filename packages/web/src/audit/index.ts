// The door of this capability: other capabilities import only what is exported here.
export { AuditPanel } from './AuditPanel.tsx';
