// The door of this capability: other capabilities import only what is exported here.
export { fileTransmissionAdapter } from './claims-service.ts';
export { billingRoutes } from './routes.ts';
