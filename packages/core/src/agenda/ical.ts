export interface CalendarPerson {
  email: string;
  name?: string | null;
}

export interface CalendarAttendee extends CalendarPerson {
  role?: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'CHAIR' | 'NON-PARTICIPANT';
  rsvp?: boolean;
}

export interface CalendarEvent {
  /** Stable across exports: calendar clients update the event rather than duplicate it. */
  uid: string;
  start: number;
  end: number;
  /** The motif of an appointment, or the title of a meeting. */
  title: string;
  patientName?: string | null;
  location?: string | null;
  description?: string | null;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  sequence?: number;
  organizer?: CalendarPerson | null;
  attendees?: readonly CalendarAttendee[];
}

export interface CalendarOptions {
  /** DTSTAMP of every event: when the export was produced (no clock in core). */
  stamp: number;
  calendarName?: string;
  /** A feed shows no patient name unless the practitioner opted in: summary = motif only, no description. */
  hidePatientNames: boolean;
  /** REQUEST (invitation or update) and CANCEL (RFC 5546 §3.2.2, §3.2.5) carry ORGANIZER and ATTENDEE lines. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  productId?: string;
}

const encoder = new TextEncoder();

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** UTC 'Z' form: 20250314T083000Z. */
export function formatIcalInstant(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parameter values cannot hold double quotes (RFC 5545 §3.2); quoted when they hold : ; or ,. */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function person(property: string, who: CalendarPerson, extra: string[] = []): string {
  const params = [...(who.name ? [`CN=${paramValue(who.name)}`] : []), ...extra];
  return `${property}${params.map((p) => `;${p}`).join('')}:mailto:${who.email}`;
}

function eventLines(event: CalendarEvent, options: CalendarOptions): string[] {
  const showPatient = !options.hidePatientNames && !!event.patientName;
  const summary = showPatient ? `${event.title} – ${event.patientName}` : event.title;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatIcalInstant(options.stamp)}`,
    `DTSTART:${formatIcalInstant(event.start)}`,
    `DTEND:${formatIcalInstant(event.end)}`,
    `SUMMARY:${escapeText(summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // An appointment's description may name or describe the patient.
  const hideDescription = options.hidePatientNames && !!event.patientName;
  if (event.description && !hideDescription) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
  if (options.method === 'REQUEST') {
    if (event.organizer) lines.push(person('ORGANIZER', event.organizer));
    for (const attendee of event.attendees ?? []) {
      lines.push(
        person('ATTENDEE', attendee, [
          `ROLE=${attendee.role ?? 'REQ-PARTICIPANT'}`,
          'PARTSTAT=NEEDS-ACTION',
          `RSVP=${attendee.rsvp === false ? 'FALSE' : 'TRUE'}`,
        ]),
      );
    }
  }
  if (options.method === 'CANCEL') {
    // A cancellation expects no reply: no PARTSTAT, no RSVP.
    if (event.organizer) lines.push(person('ORGANIZER', event.organizer));
    for (const attendee of event.attendees ?? [])
      lines.push(person('ATTENDEE', attendee, [`ROLE=${attendee.role ?? 'REQ-PARTICIPANT'}`]));
  }
  lines.push('END:VEVENT');
  return lines;
}

/** A VCALENDAR document, CRLF line endings, folded at 75 octets. */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.productId ?? '-//Pivot//Agenda//FR'}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method ?? 'PUBLISH'}`,
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const event of events) lines.push(...eventLines(event, options));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A meeting invitation (.ics attachment of an e-mail): METHOD:REQUEST with organizer and attendees. */
export function buildInvitation(
  event: CalendarEvent,
  options: Omit<CalendarOptions, 'method' | 'hidePatientNames'>,
): string {
  return buildCalendar([event], { ...options, method: 'REQUEST', hidePatientNames: true });
}

/**
 * A meeting cancellation (RFC 5546 §3.2.5, METHOD:CANCEL): same UID, the SEQUENCE the organizer
 * raised. Without `uninvited` the whole event is cancelled (STATUS:CANCELLED, every attendee
 * listed); with it, only those attendees are removed and the event goes on for the others, so no
 * STATUS line (the RFC forbids STATUS:CANCELLED when uninviting).
 */
export function buildCancellation(
  event: CalendarEvent,
  options: Omit<CalendarOptions, 'method' | 'hidePatientNames'> & {
    uninvited?: readonly CalendarAttendee[];
  },
): string {
  const { uninvited, ...calendar } = options;
  const { status: _status, ...rest } = event;
  const cancelled: CalendarEvent = uninvited
    ? { ...rest, attendees: uninvited, sequence: event.sequence ?? 0 }
    : { ...rest, status: 'CANCELLED', sequence: event.sequence ?? 0 };
  return buildCalendar([cancelled], { ...calendar, method: 'CANCEL', hidePatientNames: true });
}
