import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, get } from '../app/api.ts';
import { describedText, isInvalid, renderWithApp } from '../app/testing/render.tsx';
import { todayIso } from './model.ts';
import { RegistrationPage } from './RegistrationPage.tsx';

vi.mock('../app/api.ts', async (original) => ({
  ...(await original<typeof import('../app/api.ts')>()),
  api: vi.fn(),
  get: vi.fn(),
  post: vi.fn(),
}));

const apiMock = vi.mocked(api);

beforeEach(() => {
  vi.mocked(get).mockReset().mockResolvedValue([]); // the directory's practitioners
  apiMock.mockReset();
});

const open = () => renderWithApp(<RegistrationPage />, { namespaces: ['patients'], route: '/patients/new' });
const field = (label: RegExp) => screen.getByRole('textbox', { name: label });

/** dd/mm/yyyy of today plus `years`. */
const yearsFromToday = (years: number) => {
  const [y, m, d] = todayIso().split('-');
  return `${d}/${m}/${Number(y) + years}`;
};

describe('patient registration form', () => {
  it('names its required fields: birth name, birth given names, birth date and sex', async () => {
    await open();
    expect(field(/^Nom de naissance/).hasAttribute('required')).toBe(true);
    expect(field(/^Prénoms de naissance/).hasAttribute('required')).toBe(true);
    expect(field(/^Date de naissance/).hasAttribute('required')).toBe(true);
    expect(screen.getByText('Sexe').parentElement?.textContent).toContain('*');
    expect(field(/^Nom utilisé/).hasAttribute('required')).toBe(false);
    expect(field(/^NIR/).hasAttribute('required')).toBe(false);
  });

  it('flags a NIR whose key does not match as it is typed, and clears the flag when it matches', async () => {
    const { user } = await open();
    const nir = field(/^NIR/);
    await user.type(nir, '1 80 03 75 123 456 93');
    expect(isInvalid(nir)).toBe(true);
    expect(describedText(nir)).toContain('La clé du NIR ne correspond pas au numéro.');
    await user.clear(nir);
    await user.type(nir, '1 80 03 75 123 456 92');
    expect(isInvalid(nir)).toBe(false);
    expect(describedText(nir)).not.toContain('clé du NIR');
  });

  it('does not flag a NIR still being typed', async () => {
    const { user } = await open();
    const nir = field(/^NIR/);
    await user.type(nir, '1 80 03 75');
    expect(isInvalid(nir)).toBe(false);
  });

  it('refuses a birth date in the future, and does not send the form', async () => {
    const { user } = await open();
    await user.type(field(/^Nom de naissance/), 'MARTIN');
    await user.type(field(/^Prénoms de naissance/), 'Marie');
    const birthDate = field(/^Date de naissance/);
    await user.type(birthDate, yearsFromToday(1));
    await user.click(screen.getByRole('radio', { name: 'Féminin' }));
    expect(describedText(birthDate)).toContain('La date de naissance est dans le futur.');
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    expect(apiMock).not.toHaveBeenCalled();
  });

  it('refuses a date that does not exist', async () => {
    const { user } = await open();
    const birthDate = field(/^Date de naissance/);
    await user.type(birthDate, '31/02/1980');
    expect(describedText(birthDate)).toContain('Date attendue : jj/mm/aaaa');
  });

  it('asks for the legal representative once the birth date makes the patient a minor', async () => {
    const { user } = await open();
    expect(screen.queryByTestId('legal-representative')).toBeNull();
    await user.type(field(/^Date de naissance/), yearsFromToday(-10));
    expect(screen.getByTestId('legal-representative').textContent).toContain('Représentant légal');
  });

  it('shows the first birth given name as the identity rules read it', async () => {
    const { user } = await open();
    await user.type(field(/^Prénoms de naissance/), 'jean-pierre paul');
    expect(screen.getByTestId('first-given-name').textContent).toContain('JEAN-PIERRE');
  });

  it('sends the birth date in ISO form, with no duplicate acknowledged yet', async () => {
    apiMock.mockResolvedValue({ id: 'p1', warnings: [] });
    const { user } = await open();
    await user.type(field(/^Nom de naissance/), 'MARTIN');
    await user.type(field(/^Prénoms de naissance/), 'Marie Claire');
    await user.type(field(/^Date de naissance/), '09031980');
    await user.click(screen.getByRole('radio', { name: 'Féminin' }));
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    expect(apiMock).toHaveBeenCalledWith(
      'POST',
      '/api/patients',
      expect.objectContaining({
        birthName: 'MARTIN',
        birthGivenNames: 'Marie Claire',
        birthDate: '1980-03-09',
        sex: 'F',
        acknowledgedDuplicates: [],
      }),
    );
  });

  it('shows the server’s error on the field it names', async () => {
    apiMock.mockRejectedValue(
      new ApiError(400, 'validation_failed', 'Le nom de naissance est obligatoire.', 'birthName'),
    );
    const { user } = await open();
    await user.type(field(/^Prénoms de naissance/), 'Marie');
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    const birthName = field(/^Nom de naissance/);
    await waitFor(() => expect(isInvalid(birthName)).toBe(true));
    expect(describedText(birthName)).toContain('Le nom de naissance est obligatoire.');
    expect(isInvalid(field(/^Prénoms de naissance/))).toBe(false);
  });
});
