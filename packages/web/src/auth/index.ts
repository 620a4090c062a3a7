// The door of this capability: other capabilities import only what is exported here.
export { AccountPage } from './AccountPage.tsx';
export { LoginPage } from './LoginPage.tsx';
export { SetupPage } from './SetupPage.tsx';
export { UsersPanel } from './UsersPanel.tsx';
