import { EventEmitter } from 'node:events';

/**
 * Changes of the waiting room, per organization, for the open boards of this process. Pivot runs as
 * one process per database; several processes behind a load balancer would relay these through
 * PostgreSQL LISTEN/NOTIFY (not needed for a practice or a service).
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

/** Called after the change's transaction has committed, never inside it. */
export function publishWaitingRoomChange(organizationId: string): void {
  emitter.emit(organizationId);
}

export function onWaitingRoomChange(organizationId: string, listener: () => void): () => void {
  emitter.on(organizationId, listener);
  return () => emitter.off(organizationId, listener);
}
