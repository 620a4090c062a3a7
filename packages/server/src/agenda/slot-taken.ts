import { DomainError } from '@pivot/core';

/** Maps an exclusion-constraint violation (two holds of one resource overlapping) to slot_taken. */
export function slotTakenError(error: unknown): DomainError | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  // Two writers of overlapping holds waiting for each other in the exclusion check: one is
  // aborted (40P01), and the slot is the other's.
  if (e?.code === '40P01') return new DomainError('slot_taken', { field: 'start' });
  if (e?.code !== '23P01') return null;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (text.includes('absences_overlap')) return new DomainError('absence_overlap', { field: 'start' });
  const field = text.includes('room') ? 'roomId' : text.includes('equipment') ? 'equipmentIds' : 'start';
  return new DomainError('slot_taken', { field });
}

export async function guardSlots<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw slotTakenError(error) ?? error;
  }
}
