// The door of the audit log in core: what the server and the web may use.
export * from './responses.ts';
