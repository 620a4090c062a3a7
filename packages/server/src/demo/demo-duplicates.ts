import type { NewPatient } from '../patients/index.ts';

/**
 * A few duplicates as they happen at a front desk (a letter dropped, given names swapped, the
 * used name typed as the birth name), so the duplicates worklist of the demo is not empty.
 */
export function demoDuplicates(population: readonly NewPatient[], count = 6): NewPatient[] {
  const step = Math.max(1, Math.floor(population.length / (count + 1)));
  const duplicates: NewPatient[] = [];
  for (let i = 0; i < count && (i + 1) * step < population.length; i++) {
    const original = population[(i + 1) * step]!;
    const variant: NewPatient = { ...original, nir: null, phones: [], email: null };
    switch (i % 3) {
      case 0:
        variant.birthName =
          original.birthName.length > 4
            ? original.birthName.slice(0, 2) + original.birthName.slice(3)
            : `${original.birthName}E`;
        break;
      case 1:
        variant.birthGivenNames =
          original.birthGivenNames.length > 1
            ? [...original.birthGivenNames].reverse()
            : [`${original.birthGivenNames[0]}E`];
        break;
      default:
        if (original.usedName) variant.birthName = original.usedName;
        else variant.birthName = `${original.birthName}S`;
    }
    duplicates.push(variant);
  }
  return duplicates;
}
