// The door of this capability: other capabilities import only what is exported here.
export { type ArrivedAppointment, followVisitIn, markAppointmentArrivedIn } from './appointment-service.ts';
export { seedAgenda } from './demo.ts';
export { agendaRoutes } from './routes.ts';
