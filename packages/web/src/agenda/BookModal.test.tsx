import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, get, post } from '../app/api.ts';
import { describedText, isInvalid, renderWithApp } from '../app/testing/render.tsx';
import { type BookingDraft, BookModal } from './AppointmentPanels.tsx';

vi.mock('../app/api.ts', async (original) => ({
  ...(await original<typeof import('../app/api.ts')>()),
  get: vi.fn(),
  post: vi.fn(),
}));

const getMock = vi.mocked(get);
const postMock = vi.mocked(post);

const motif = (id: string, fr: string, over: Record<string, unknown> = {}) => ({
  id,
  label: { fr, en: fr },
  colour: '#1d7c9f',
  durationMinutes: 20,
  eligiblePractitionerIds: ['dr-a'],
  active: true,
  ...over,
});

const motifs = [
  motif('m-consult', 'Consultation', { durationMinutes: 20 }),
  motif('m-long', 'Première consultation', { durationMinutes: 45 }),
  motif('m-other', 'Échographie', { eligiblePractitionerIds: ['dr-b'] }),
  motif('m-old', 'Ancien motif', { active: false }),
];

const patient = {
  id: 'pat-1',
  birthName: 'MARTIN',
  usedName: '',
  birthGivenNames: ['MARIE'],
  usedGivenName: '',
  birthDate: '1980-03-09',
};

/** What the booking posted, the last time it did. */
const booked = () => postMock.mock.calls.filter((c) => c[0] === '/api/agenda/appointments').at(-1)?.[1];

let bookingAnswer: () => Promise<unknown>;

beforeEach(() => {
  getMock.mockReset().mockResolvedValue(motifs);
  bookingAnswer = () => Promise.resolve({ id: 'appt-1' });
  postMock.mockReset().mockImplementation((path: string) => {
    if (path === '/api/patients/search') return Promise.resolve([patient]);
    if (path === '/api/agenda/appointments') return bookingAnswer();
    return Promise.reject(new Error(`unexpected ${path}`));
  });
});

const draft: BookingDraft = {
  practitionerId: 'dr-a',
  practitionerName: 'Dr Aubert',
  start: '2026-12-07T09:00',
};

async function open(onClose = vi.fn()) {
  const rendered = await renderWithApp(<BookModal draft={draft} onClose={onClose} />, {
    namespaces: ['agenda'],
  });
  return { ...rendered, onClose };
}

const submit = () => screen.getByRole('button', { name: 'Réserver' });

async function choosePatient(user: Awaited<ReturnType<typeof open>>['user']) {
  await user.type(screen.getByRole('textbox', { name: 'Patient' }), 'mar');
  await user.click(await screen.findByTestId('patient-hit'));
}

async function chooseMotif(user: Awaited<ReturnType<typeof open>>['user'], label: RegExp) {
  await user.click(screen.getByRole('textbox', { name: 'Motif' }));
  await user.click(await screen.findByRole('option', { name: label }));
}

describe('booking dialog', () => {
  it('cannot be sent before a patient and a motif are chosen', async () => {
    const { user } = await open();
    expect(submit().hasAttribute('disabled')).toBe(true);
    await choosePatient(user);
    expect(screen.getByTestId('chosen-patient').textContent).toBe('MARTIN MARIE (09/03/1980)');
    expect(submit().hasAttribute('disabled')).toBe(true);
    await chooseMotif(user, /^Consultation/);
    expect(submit().hasAttribute('disabled')).toBe(false);
  });

  it('cannot be sent without a start time', async () => {
    const { user } = await open();
    await choosePatient(user);
    await chooseMotif(user, /^Consultation/);
    await user.clear(screen.getByLabelText('Début'));
    expect(submit().hasAttribute('disabled')).toBe(true);
  });

  it('offers only the active motifs the practitioner may take, with their duration', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('textbox', { name: 'Motif' }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Consultation (20 min)', 'Première consultation (45 min)']);
  });

  it('books the slot clicked, ending after the motif’s duration, with no override', async () => {
    const { user, onClose } = await open();
    await choosePatient(user);
    await chooseMotif(user, /^Première consultation/);
    await user.click(submit());
    expect(booked()).toEqual({
      patientId: 'pat-1',
      practitionerId: 'dr-a',
      appointmentTypeId: 'm-long',
      start: '2026-12-07T09:00',
      end: '2026-12-07T09:45',
      comment: '',
      override: null,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
  });

  it('shows the server’s refusal of a slot outside opening hours on the start field, and stays open', async () => {
    bookingAnswer = () =>
      Promise.reject(
        new ApiError(
          422,
          'outside_opening_hours',
          'Ce rendez-vous est en dehors des plages horaires. Pour le forcer, indiquez un motif de dérogation.',
          'start',
        ),
      );
    const { user, onClose } = await open();
    await choosePatient(user);
    await chooseMotif(user, /^Consultation/);
    await user.click(submit());
    const start = screen.getByLabelText('Début');
    await waitFor(() => expect(isInvalid(start)).toBe(true));
    expect(describedText(start)).toContain('indiquez un motif de dérogation');
    expect(screen.queryByTestId('booking-error')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for an override reason once the override is ticked, and sends it', async () => {
    const { user } = await open();
    await choosePatient(user);
    await chooseMotif(user, /^Consultation/);
    expect(screen.queryByRole('textbox', { name: 'Motif de dérogation' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /^Forcer/ }));
    await user.type(screen.getByRole('textbox', { name: 'Motif de dérogation' }), 'Patient venu de loin');
    await user.click(submit());
    expect(booked()).toMatchObject({ override: { reason: 'Patient venu de loin' } });
  });

  it('shows a refusal that names no field of the dialog (an empty override reason) above the button', async () => {
    bookingAnswer = () =>
      Promise.reject(
        new ApiError(
          400,
          'override_reason_required',
          'Une dérogation aux plages horaires exige un motif.',
          'override.reason',
        ),
      );
    const { user } = await open();
    await choosePatient(user);
    await chooseMotif(user, /^Consultation/);
    await user.click(screen.getByRole('checkbox', { name: /^Forcer/ }));
    await user.click(submit());
    expect(booked()).toMatchObject({ override: { reason: '' } });
    expect((await screen.findByTestId('booking-error')).textContent).toContain('exige un motif');
  });
});
