/** Luhn checksum over a string of digits (used by SIRET, RPPS and FINESS keys). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * SIRET: 14 digits (SIREN 9 + NIC 5), Luhn key over the 14 digits. La Poste's establishments
 * (SIREN 356000000) use a sum-of-digits-multiple-of-5 rule instead (INSEE exception).
 */
export function isValidSiret(value: string): boolean {
  const siret = value.replace(/\s/g, '');
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) {
    const sum = [...siret].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

export function isValidSiren(value: string): boolean {
  const siren = value.replace(/\s/g, '');
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

/**
 * FINESS: 9 characters, département (01–95, 2A, 2B, 97x) + order number + Luhn key.
 * For Corsica the letters are read as 0 for the key (2A/2B → 20), as the FINESS nomenclature does.
 */
export function isValidFiness(value: string): boolean {
  const finess = value.replace(/\s/g, '').toUpperCase();
  if (!/^(\d{2}|2A|2B)\d{7}$/.test(finess)) return false;
  return luhnValid(finess.replace(/^2[AB]/, '20'));
}

/** RPPS: 11 digits, the last one a Luhn key. */
export function isValidRpps(value: string): boolean {
  const rpps = value.replace(/\s/g, '');
  return /^\d{11}$/.test(rpps) && luhnValid(rpps);
}
