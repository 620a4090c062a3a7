// The door of this capability: other capabilities import only what is exported here.

export { insertOrganization, insertRoom, insertSite, organizationHeader } from './repository.ts';
export { organizationRoutes } from './routes.ts';
