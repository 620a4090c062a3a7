import { createRequire } from 'node:module';
import { Faker, fr } from '@faker-js/faker';
import { nirKey, normalizeGivenNames, normalizeName } from '@pivot/core/identity';
import { emptyPatient, type NewPatient } from '../patients/index.ts';

export type GeneratedPatient = NewPatient;

const require = createRequire(import.meta.url);
type Commune = { code: string; nom: string; type: string; population?: number; codesPostaux?: string[] };

let communesCache: Commune[] | undefined;
/** Current communes weighted towards populated ones, so birth places look like a real population. */
function communes(): Commune[] {
  communesCache ??= (require('@etalab/decoupage-administratif/data/communes.json') as Commune[]).filter(
    (c) => c.type === 'commune-actuelle' && (c.population ?? 0) > 2000 && !c.code.startsWith('97'),
  );
  return communesCache;
}

// Frequent countries of birth of people living in France (INSEE COG codes 99xxx).
const foreignBirthPlaces = [
  '99350',
  '99352',
  '99351',
  '99139',
  '99127',
  '99134',
  '99243',
  '99131',
  '99109',
  '99132',
];

/**
 * A synthetic French population from a fixed seed: the same seed always gives the same people.
 * NIRs are consistent with sex, birth date and birth place, and carry a valid key.
 */
export function* generatePatients(count: number, seed = 20_260_101): Generator<GeneratedPatient> {
  const faker = new Faker({ locale: [fr] });
  faker.seed(seed);
  const places = communes();
  const orderBySlot = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const sex: 'M' | 'F' = faker.datatype.boolean() ? 'F' : 'M';
    const birth = faker.date.birthdate({
      mode: 'age',
      min: 0,
      max: 98,
      refDate: new Date('2026-01-01T00:00:00Z'),
    });
    const birthDate = birth.toISOString().slice(0, 10);
    const foreign = faker.number.int(99) < 7;
    const commune = faker.helpers.arrayElement(places);
    const birthPlaceCode = foreign ? faker.helpers.arrayElement(foreignBirthPlaces) : commune.code;
    const lastName = faker.person.lastName();
    const compound = faker.number.int(99) < 6 ? `${lastName}-${faker.person.lastName()}` : lastName;
    const givenCount = 1 + faker.number.int(2);
    const givenNames = Array.from({ length: givenCount }, () =>
      faker.person.firstName(sex === 'F' ? 'female' : 'male'),
    );
    const married = sex === 'F' && birthDate < '2000-01-01' && faker.number.int(99) < 40;
    const birthName = normalizeName(compound, 'birthName');
    const birthGivenNames = normalizeGivenNames(givenNames);
    const yy = birthDate.slice(2, 4);
    const mm = birthDate.slice(5, 7);
    // People born in Corsica before 1976 carry département 20 in their NIR (INSEE).
    const place =
      /^2[AB]/.test(birthPlaceCode) && birthDate < '1976-01-01'
        ? `20${birthPlaceCode.slice(2)}`
        : birthPlaceCode;
    const slot = `${sex}${yy}${mm}${place}`;
    const order = (orderBySlot.get(slot) ?? faker.number.int({ min: 1, max: 400 })) + 1;
    orderBySlot.set(slot, order);
    const body = `${sex === 'M' ? 1 : 2}${yy}${mm}${place}${String(order % 1000 || 1).padStart(3, '0')}`;
    const mobile = `0${faker.helpers.arrayElement(['6', '7'])}${faker.string.numeric(8)}`;
    yield {
      ...emptyPatient({ birthName, birthGivenNames, birthDate, sex }),
      birthPlaceCode,
      usedName: married ? normalizeName(faker.person.lastName(), 'usedName') : '',
      nir: `${body}${nirKey(body)}`,
      phones: [{ kind: 'mobile', number: `+33${mobile.slice(1)}` }],
      email: faker.internet
        .email({ firstName: givenNames[0], lastName, provider: 'exemple.fr' })
        .toLowerCase(),
      address: {
        line1: faker.location.streetAddress(),
        postalCode: commune.codesPostaux?.[0] ?? '75001',
        city: commune.nom,
        country: 'FR',
      },
      contactConsent: { sms: faker.number.int(9) < 7, email: faker.number.int(9) < 4 },
    };
  }
}
