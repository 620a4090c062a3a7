// The door of this capability: other capabilities import only what is exported here.
export { organizationRoutes } from './routes.ts';
