import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type BirthPlaceDirectory, birthPlaceDirectory, countryCodesFromCsv } from '@pivot/core/identity';

const require = createRequire(import.meta.url);
let directory: BirthPlaceDirectory | undefined;

/**
 * INSEE commune codes (current, delegated and associated communes, municipal arrondissements, from
 * @etalab/decoupage-administratif) and INSEE country codes (COG 2025, shipped in reference/).
 * Loaded once, on first use.
 */
export function birthPlaces(): BirthPlaceDirectory {
  if (!directory) {
    const communes = (
      require('@etalab/decoupage-administratif/data/communes.json') as { code: string }[]
    ).map((c) => c.code);
    const countriesFile = fileURLToPath(
      new URL('../../../../reference/countries/cog-countries-2025.csv', import.meta.url),
    );
    directory = birthPlaceDirectory({
      communes,
      countries: countryCodesFromCsv(readFileSync(countriesFile, 'utf8')),
    });
  }
  return directory;
}
