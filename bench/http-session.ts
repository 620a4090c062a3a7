/** The session cookie of a demo account on a server under test (password `demo`). */
export async function loginCookie(base: string, email = 'secretaire@demo.pivot'): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** JSON calls with that cookie, answering the status and the parsed body. */
export function jsonCaller(base: string, cookie: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of each answer
    return { status: response.status, body: (await response.json()) as any };
  };
}

/** One booking request per free slot, patients taken in turn (every seventh of the list). */
export function bookingRequests(
  slots: readonly { practitionerId: string; start: string; end: string }[],
  patients: readonly { id: string }[],
  appointmentTypeId: string,
) {
  return slots.map((s, i) => ({
    method: 'POST',
    path: '/api/agenda/appointments',
    body: {
      patientId: patients[(i * 7) % patients.length]!.id,
      practitionerId: s.practitionerId,
      appointmentTypeId,
      start: s.start,
      end: s.end,
    },
  }));
}
