import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get, post } from '../app/api.ts';
import i18n from '../app/i18n.ts';
import { renderWithApp } from '../app/testing/render.tsx';
import { IdentityCheckModal, IdentityTraits, type IdentityTraitsOf } from './IdentityCheck.tsx';
import type { DeskAppointment } from './model.ts';

vi.mock('../app/api.ts', async (original) => ({
  ...(await original<typeof import('../app/api.ts')>()),
  get: vi.fn(),
  post: vi.fn(),
}));

const patient: IdentityTraitsOf = {
  birthName: 'DUPONT-MARTIN',
  usedName: 'MARTIN',
  birthGivenNames: ['MARIE', 'ANNE', 'LOUISE'],
  usedGivenName: 'Marie',
  birthDate: '1980-02-29',
  sex: 'F',
  birthPlaceCode: '2A004',
  identity: { status: 'provisional', ins: null },
};

const trait = (key: string) => screen.getByTestId(`trait-${key}`).textContent ?? '';

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('fr');
});

describe('the traits the identity check compares with the document', () => {
  it('shows the birth name, used name, birth given names in their order, birth date, sex, birth place, status', async () => {
    await renderWithApp(<IdentityTraits patient={patient} />, { namespaces: ['reception', 'patients'] });
    expect(trait('birthName')).toContain('DUPONT-MARTIN');
    expect(trait('usedName')).toContain('MARTIN');
    expect(trait('birthGivenNames')).toContain('1. MARIE2. ANNE3. LOUISE');
    expect(trait('usedGivenName')).toContain('Marie');
    expect(trait('birthDate')).toContain('29/02/1980');
    expect(trait('sex')).toContain('Féminin');
    expect(trait('birthPlace')).toContain('Commune, code INSEE 2A004');
    expect(trait('status')).toContain('Provisoire');
    expect(trait('ins')).toContain('Non renseigné');
  });

  it('writes the birth date jj/mm/aaaa whatever the browser’s locale and the user’s language', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    await renderWithApp(<IdentityTraits patient={{ ...patient, birthDate: '2001-12-03' }} />, {
      namespaces: ['reception', 'patients'],
    });
    await i18n.changeLanguage('en');
    await waitFor(() => expect(trait('birthDate')).toMatch(/^Birth date/));
    expect(trait('birthDate')).toContain('03/12/2001');
    expect(trait('birthDate')).not.toMatch(/12\/03\/2001|2001-12-03|Dec/);
    expect(trait('sex')).toContain('Female');
  });

  it('says a foreign birth place is a country code, and shows the INS with its kind when there is one', async () => {
    await renderWithApp(
      <IdentityTraits
        patient={{
          ...patient,
          usedName: '',
          birthPlaceCode: '99134',
          identity: { status: 'qualified', ins: { value: '280022A004012', kind: 'nir' } },
        }}
      />,
      { namespaces: ['reception', 'patients'] },
    );
    expect(trait('usedName')).toContain('Non renseigné');
    expect(trait('birthPlace')).toContain('Né(e) à l’étranger, code pays INSEE 99134');
    expect(trait('status')).toContain('Qualifiée');
    expect(trait('ins')).toContain('280022A004012 (NIR)');
  });
});

describe('the identity check at arrival', () => {
  const appointment = {
    appointmentId: 'a1',
    patientId: 'p1',
    patientName: 'MARTIN Marie',
    birthDate: '1980-02-29',
  } as DeskAppointment;

  beforeEach(() => {
    vi.mocked(get).mockReset().mockResolvedValue(patient);
    vi.mocked(post).mockReset().mockResolvedValue({ identityStatus: 'validated' });
  });

  it('loads the patient’s traits, records the document ticked, then marks the patient arrived', async () => {
    const onArrive = vi.fn().mockResolvedValue(undefined);
    const { user } = await renderWithApp(
      <IdentityCheckModal
        appointment={appointment}
        busy={false}
        error={null}
        onClose={() => {}}
        onArrive={onArrive}
      />,
      { namespaces: ['reception', 'patients'] },
    );
    expect(await screen.findByTestId('identity-traits')).toBeTruthy();
    expect(get).toHaveBeenCalledWith('/api/patients/p1');
    expect(trait('birthDate')).toContain('29/02/1980');
    const confirm = screen.getByTestId('identity-checked');
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByTestId('identity-document'));
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Passeport' }));
    expect(confirm.textContent).toBe('Identité vérifiée avec passeport');
    await user.click(confirm);
    expect(post).toHaveBeenCalledWith('/api/patients/p1/identity', {
      kind: 'check_document',
      document: { kind: 'passport' },
    });
    await waitFor(() => expect(onArrive).toHaveBeenCalledTimes(1));
  });

  it('does not mark arrived when the document could not be recorded, and says why', async () => {
    const { ApiError } = await vi.importActual<typeof import('../app/api.ts')>('../app/api.ts');
    vi.mocked(post).mockRejectedValue(new ApiError(409, 'stale_version', 'La fiche a changé entre-temps.'));
    const onArrive = vi.fn();
    const { user } = await renderWithApp(
      <IdentityCheckModal
        appointment={appointment}
        busy={false}
        error={null}
        onClose={() => {}}
        onArrive={onArrive}
      />,
      { namespaces: ['reception', 'patients'] },
    );
    await screen.findByTestId('identity-traits');
    await user.click(screen.getByTestId('identity-document'));
    await user.click(
      within(screen.getByRole('listbox')).getByRole('option', { name: 'Carte nationale d’identité' }),
    );
    await user.click(screen.getByTestId('identity-checked'));
    expect(await screen.findByText('La fiche a changé entre-temps.')).toBeTruthy();
    expect(onArrive).not.toHaveBeenCalled();
  });
});
