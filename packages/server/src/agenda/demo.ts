import {
  addDays,
  expandOpeningHours,
  type OpeningHoursTemplate,
  parisDateOf,
  reminderTimes,
} from '@pivot/core/agenda';
import type { Db } from '../db/connection.ts';
import {
  insertAppointments,
  insertHolds,
  insertStatusEvents,
  somePatientIds,
} from './appointment-repository.ts';
import { period } from './intervals.ts';
import { insertNotices } from './notice-repository.ts';
import { insertOpeningHoursTemplates } from './opening-repository.ts';
import { insertAppointmentTypes, listAllRooms, listPractitionersByEmail } from './resource-repository.ts';

const morning = { start: '08:30', end: '12:30' };
const afternoon = { start: '14:00', end: '19:00' };
const weekday = [morning, afternoon];

/** A small deterministic generator, so the demo agenda looks the same on every start. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Demo agenda: motifs, opening hours of the practitioners and about two weeks of appointments
 * around today, filled at roughly two thirds, with the statuses the past and present would have.
 */
export async function seedAgenda(db: Db, organizationId: string, now = Date.now()) {
  const practitioners = await listPractitionersByEmail(db.kysely, organizationId);
  const rooms = await listAllRooms(db.kysely, organizationId);
  const patients = await somePatientIds(db.kysely, organizationId, 800);
  if (practitioners.length === 0 || patients.length === 0) return { appointments: 0 };
  const ids = practitioners.map((p) => p.id);
  const bySpecialty = (word: string) =>
    practitioners.filter((p) => (p.specialty ?? '').includes(word)).map((p) => p.id);
  const general = bySpecialty('générale');
  const motif = (
    fr: string,
    en: string,
    duration: number,
    colour: string,
    eligible: string[],
    extra: Record<string, unknown> = {},
  ) => ({
    organization_id: organizationId,
    label: JSON.stringify({ fr, en }),
    duration_minutes: duration,
    colour,
    eligible_practitioner_ids: eligible.length > 0 ? eligible : ids,
    room_kind: null as string | null,
    equipment_kinds: [] as string[],
    preparation_instructions: JSON.stringify({ fr: '', en: '' }),
    documents_to_bring: JSON.stringify([{ fr: 'Carte Vitale', en: 'Carte Vitale (health card)' }]),
    new_patients_allowed: true,
    bookable_online: true,
    urgent_same_day_only: false,
    active: true,
    ...extra,
  });
  const types = await insertAppointmentTypes(db.kysely, [
    motif('Consultation', 'Consultation', 20, '#4c6ef5', ids),
    motif('Première consultation', 'First consultation', 30, '#7950f2', ids),
    motif('Renouvellement d’ordonnance', 'Prescription renewal', 15, '#20c997', general),
    motif('Consultation pédiatrique', 'Paediatric consultation', 20, '#fab005', bySpecialty('Pédiatrie')),
    motif('Électrocardiogramme', 'Electrocardiogram', 30, '#fa5252', bySpecialty('Cardio'), {
      preparation_instructions: JSON.stringify({
        fr: 'Portez des vêtements faciles à retirer.',
        en: 'Wear clothes that are easy to remove.',
      }),
    }),
    motif('Échographie pelvienne', 'Pelvic ultrasound', 30, '#e64980', bySpecialty('Gynéco'), {
      room_kind: 'ultrasound',
      preparation_instructions: JSON.stringify({
        fr: 'Vessie pleine : buvez un litre d’eau une heure avant.',
        en: 'Full bladder: drink a litre of water an hour before.',
      }),
    }),
    motif('Suivi psychiatrique', 'Psychiatric follow-up', 45, '#15aabf', bySpecialty('Psychiatrie')),
    motif('Urgence du jour', 'Same-day emergency', 15, '#fd7e14', general, { urgent_same_day_only: true }),
  ]);

  const site = practitioners[0]!.site_id ?? rooms[0]?.site_id;
  if (!site) return { appointments: 0 };
  const today = parisDateOf(now);
  const templates: OpeningHoursTemplate[] = practitioners.map((p, i) => ({
    id: p.id,
    resourceId: p.id,
    siteId: site,
    validFrom: addDays(today, -60),
    validTo: null,
    weekParity: 'all',
    days: {
      monday: weekday,
      tuesday: weekday,
      // Wednesday afternoons off for some, as many practices do.
      wednesday: i % 2 === 0 ? weekday : [morning],
      thursday: weekday,
      friday:
        i === 0
          ? [morning, { ...afternoon, end: '17:00' }, { start: '17:00', end: '18:00', reservedSameDay: true }]
          : weekday,
      ...(i === 0 ? { saturday: [{ start: '09:00', end: '12:00' }] } : {}),
    },
  }));
  await insertOpeningHoursTemplates(
    db.kysely,
    templates.map((t) => ({
      organization_id: organizationId,
      resource_id: t.resourceId,
      resource_kind: 'practitioner' as const,
      site_id: t.siteId,
      valid_from: t.validFrom,
      valid_to: null,
      days: JSON.stringify(t.days),
    })),
  );

  const consultationRooms = rooms.filter((r) => r.kind === 'consultation');
  const ultrasound = rooms.find((r) => r.kind === 'ultrasound');
  const open = expandOpeningHours({ templates, from: addDays(today, -7), to: addDays(today, 7) });
  const next = random(20_250_314);
  const rows: {
    practitioner_id: string;
    patient_id: string;
    type_id: string;
    start: number;
    end: number;
    status: string;
    room_id: string | null;
  }[] = [];
  for (const interval of open) {
    if (interval.reservedSameDay) continue;
    const index = ids.indexOf(interval.resourceId);
    const eligible = types.filter(
      (t) => t.eligible_practitioner_ids.includes(interval.resourceId) && !t.urgent_same_day_only,
    );
    let cursor = interval.start;
    while (cursor < interval.end) {
      const type = eligible[Math.floor(next() * eligible.length)]!;
      const end = cursor + type.duration_minutes * 60_000;
      if (end > interval.end) break;
      if (next() < 0.68) {
        const past = end < now;
        const roll = next();
        const status = past
          ? roll < 0.85
            ? 'seen'
            : roll < 0.93
              ? 'no_show'
              : 'cancelled'
          : cursor < now
            ? 'in_consultation'
            : roll < 0.45
              ? 'confirmed'
              : roll < 0.96
                ? 'booked'
                : 'cancelled';
        rows.push({
          practitioner_id: interval.resourceId,
          patient_id: patients[Math.floor(next() * patients.length)]!.id,
          type_id: type.id,
          start: cursor,
          end,
          status,
          room_id:
            type.room_kind === 'ultrasound'
              ? (ultrasound?.id ?? null)
              : (consultationRooms[index % consultationRooms.length]?.id ?? null),
        });
      }
      cursor = end;
    }
  }
  await db.kysely.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const inserted = await insertAppointments(
        tx,
        chunk.map((r) => ({
          organization_id: organizationId,
          patient_id: r.patient_id,
          practitioner_id: r.practitioner_id,
          appointment_type_id: r.type_id,
          site_id: site,
          room_id: r.room_id,
          starts_at: new Date(r.start),
          ends_at: new Date(r.end),
          status: r.status,
        })),
      );
      const holds = chunk.flatMap((r, k) => {
        const base = {
          organization_id: organizationId,
          appointment_id: inserted[k]!.id,
          period: period(r.start, r.end),
        };
        const active = !['cancelled', 'no_show'].includes(r.status);
        return [
          { ...base, holds_slot: active, practitioner_id: r.practitioner_id },
          ...(r.room_id ? [{ ...base, holds_slot: active, room_id: r.room_id }] : []),
        ];
      });
      await insertHolds(tx, holds);
      await insertStatusEvents(
        tx,
        chunk.map((r, k) => ({
          organization_id: organizationId,
          appointment_id: inserted[k]!.id,
          from_status: null,
          to_status: r.status,
          at: new Date(Math.min(r.start, now)),
        })),
      );
      const reminders = chunk.flatMap((r, k) =>
        ['booked', 'confirmed'].includes(r.status)
          ? reminderTimes(r.start, now).map((at) => ({
              organization_id: organizationId,
              patient_id: r.patient_id,
              appointment_id: inserted[k]!.id,
              channel: 'sms' as const,
              kind: 'reminder',
              recipient: '+33600000000',
              body: 'Rappel de rendez-vous (démonstration)',
              send_after: new Date(at),
            }))
          : [],
      );
      await insertNotices(tx, reminders);
    }
  });
  return { appointments: rows.length };
}
