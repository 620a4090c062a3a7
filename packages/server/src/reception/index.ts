// The door of this capability: other capabilities import only what is exported here.
export { seedReception } from './demo.ts';
export { receptionRoutes } from './routes.ts';
