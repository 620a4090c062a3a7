// The door of this capability: other capabilities import only what is exported here.
export { BreakGlassAccesses, BreakGlassForm, MyPatientsBreakGlass } from './BreakGlass.tsx';
export { recordsMessages } from './messages.ts';
export { NamedUsersSelect } from './NamedUsersSelect.tsx';
