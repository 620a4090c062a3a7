// The door of this capability: other capabilities import only what is exported here.
export { changeStatusIn } from './appointment-service.ts';
export { seedAgenda } from './demo.ts';
export { agendaRoutes } from './routes.ts';
