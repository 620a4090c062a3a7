/**
 * How names are printed in a letter: the birth name (and used name) in capitals, as the identity
 * vigilance rules write them (RNIV 2021, the birth name in capitals so it is told from the given
 * names), and the given names as names — "Marie-Hélène", "Jean Pierre", "Anne-Laure" — not as the
 * capitals they are stored in ("MARIE-HÉLÈNE").
 */
export function givenNameCase(name: string): string {
  return name
    .toLocaleLowerCase('fr')
    .replace(
      /(^|[\s\-'’])(\p{Ll})/gu,
      (_, before: string, letter: string) => before + letter.toLocaleUpperCase('fr'),
    );
}

/** A birth or used name as printed: capitals, accents kept ("LE GALL", "D’ALEMBERT", "MÜLLER"). */
export function familyNameCase(name: string): string {
  return name.toLocaleUpperCase('fr');
}
