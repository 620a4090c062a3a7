// The door of this capability: other capabilities import only what is exported here.
export { OrganizationPanel } from './OrganizationPanel.tsx';
