import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  buildCancellation,
  buildInvitation,
  type CalendarEvent,
  escapeText,
  foldLine,
  formatIcalInstant,
} from './ical.ts';

const at = Date.parse;
const stamp = at('2025-01-10T12:00:00Z');
const appointment: CalendarEvent = {
  uid: 'ap-1@pivot',
  start: at('2025-01-13T08:00:00Z'),
  end: at('2025-01-13T08:20:00Z'),
  title: 'Consultation',
  patientName: 'Jeanne Dupont',
  location: 'Cabinet, 3 rue de la Paix; Paris',
  description: 'Apporter la carte Vitale,\nl’ordonnance',
};

function octets(line: string): number {
  return new TextEncoder().encode(line).length;
}

describe('iCalendar export', () => {
  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes instants in UTC Z form', () => {
    expect(formatIcalInstant(at('2025-01-13T08:00:00Z'))).toBe('20250113T080000Z');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
  });

  it('produces a VCALENDAR with CRLF lines, no line over 75 octets', () => {
    const text = buildCalendar([{ ...appointment, description: 'x'.repeat(300) }], {
      stamp,
      hidePatientNames: false,
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('is read back by an independent parser (ical.js) with the same values', () => {
    const text = buildCalendar([appointment], {
      stamp,
      hidePatientNames: false,
      calendarName: 'Agenda du Dr A',
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [vevent] = calendar.getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent!);
    expect(event.uid).toBe('ap-1@pivot');
    expect(event.summary).toBe('Consultation – Jeanne Dupont');
    expect(event.location).toBe('Cabinet, 3 rue de la Paix; Paris');
    expect(event.description).toBe('Apporter la carte Vitale,\nl’ordonnance');
    expect(event.startDate.toJSDate().getTime()).toBe(appointment.start);
    expect(event.endDate.toJSDate().getTime()).toBe(appointment.end);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Agenda du Dr A');
  });

  it('shows the motif only, and no description, when patient names are hidden', () => {
    const text = buildCalendar([appointment], { stamp, hidePatientNames: true });
    expect(text).toContain('SUMMARY:Consultation\r\n');
    expect(text).not.toContain('Dupont');
    expect(text).not.toContain('DESCRIPTION');
  });

  it('keeps the description of an event without a patient when names are hidden', () => {
    const meeting: CalendarEvent = {
      uid: 'm-1',
      start: appointment.start,
      end: appointment.end,
      title: 'Staff',
      description: 'Ordre du jour',
    };
    expect(buildCalendar([meeting], { stamp, hidePatientNames: true })).toContain(
      'DESCRIPTION:Ordre du jour',
    );
  });

  it('builds a METHOD:REQUEST invitation with organizer and attendees', () => {
    const text = buildInvitation(
      {
        uid: 'meeting-1@pivot',
        start: at('2025-01-16T12:00:00Z'),
        end: at('2025-01-16T13:00:00Z'),
        title: 'Réunion de service',
        sequence: 0,
        status: 'CONFIRMED',
        organizer: { email: 'direction@cabinet.fr', name: 'Dupont, Marie' },
        attendees: [
          { email: 'dr.a@cabinet.fr', name: 'Dr A' },
          { email: 'sec@cabinet.fr', role: 'OPT-PARTICIPANT', rsvp: false },
        ],
      },
      { stamp },
    );
    expect(text).toContain('METHOD:REQUEST');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:direction@cabinet.fr');
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Dupont, Marie');
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees.map((a) => a.getFirstValue())).toEqual([
      'mailto:dr.a@cabinet.fr',
      'mailto:sec@cabinet.fr',
    ]);
    expect(attendees[1]!.getParameter('role')).toBe('OPT-PARTICIPANT');
    expect(attendees[1]!.getParameter('rsvp')).toBe('FALSE');
  });

  it('leaves organizer and attendees out of a published feed', () => {
    const text = buildCalendar([{ ...appointment, organizer: { email: 'a@b.fr' } }], {
      stamp,
      hidePatientNames: true,
    });
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).not.toContain('ORGANIZER');
  });
});

describe('meeting updates and cancellations (RFC 5546)', () => {
  const meeting: CalendarEvent = {
    uid: 'meeting-7@pivot',
    start: at('2025-02-03T09:00:00Z'),
    end: at('2025-02-03T10:00:00Z'),
    title: 'Formation incendie',
    organizer: { email: 'direction@cabinet.fr', name: 'Direction' },
    attendees: [
      { email: 'dr.a@cabinet.fr', name: 'Dr A' },
      { email: 'sec@cabinet.fr', name: null },
    ],
  };
  const veventOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  const methodOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('method');

  it('sends an update as a REQUEST with the same UID and the raised SEQUENCE', () => {
    const text = buildInvitation({ ...meeting, sequence: 2, status: 'CONFIRMED' }, { stamp });
    const vevent = veventOf(text);
    expect(methodOf(text)).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('uid')).toBe('meeting-7@pivot');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('cancels the whole event: METHOD:CANCEL, STATUS:CANCELLED, every attendee, no reply asked', () => {
    const text = buildCancellation({ ...meeting, sequence: 3, status: 'CONFIRMED' }, { stamp });
    const vevent = veventOf(text);
    expect(methodOf(text)).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('uid')).toBe('meeting-7@pivot');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:direction@cabinet.fr');
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees.map((a) => a.getFirstValue())).toEqual([
      'mailto:dr.a@cabinet.fr',
      'mailto:sec@cabinet.fr',
    ]);
    expect(attendees[0]!.getParameter('rsvp')).toBeUndefined();
    expect(attendees[0]!.getParameter('partstat')).toBeUndefined();
  });

  it('uninvites removed attendees only: CANCEL naming them, without STATUS:CANCELLED', () => {
    const text = buildCancellation(
      { ...meeting, sequence: 1 },
      { stamp, uninvited: [{ email: 'sec@cabinet.fr' }] },
    );
    const vevent = veventOf(text);
    expect(methodOf(text)).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(vevent.getFirstPropertyValue('status')).toBeNull();
    expect(vevent.getAllProperties('attendee').map((a) => a.getFirstValue())).toEqual([
      'mailto:sec@cabinet.fr',
    ]);
  });

  it('always writes a SEQUENCE in a cancellation (RFC 5546 §3.2.5 requires it)', () => {
    expect(buildCancellation(meeting, { stamp })).toContain('SEQUENCE:0\r\n');
  });
});
