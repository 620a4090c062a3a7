// The door of this capability: other capabilities import only what is exported here.
export { setAttendingPhysician } from './attending-physician.ts';
export { seedDirectory } from './demo.ts';
export { directoryRoutes } from './routes.ts';
