/**
 * Lines of the 2035-A return (BNC, déclaration contrôlée) used to classify receipts and expenses.
 * Line numbers and box codes follow the 2035-A form; verify the box codes against the notice of
 * the year being filed (they are stable but the form is revised yearly). `account` is the account
 * of the practice's chart used for the line.
 */
export interface Form2035Line {
  key: string;
  line: number;
  box: string;
  label: string;
  side: 'receipt' | 'expense';
  account: string;
}

export const form2035Lines = [
  {
    key: 'receipts',
    line: 1,
    box: 'AA',
    label: 'Recettes encaissées y compris les remboursements de frais',
    side: 'receipt',
    account: '706',
  },
  {
    key: 'disbursements',
    line: 2,
    box: 'AB',
    label: 'Débours payés pour le compte des clients',
    side: 'receipt',
    account: '7082',
  },
  {
    key: 'fee_retrocessions',
    line: 3,
    box: 'AC',
    label: 'Honoraires rétrocédés',
    side: 'receipt',
    account: '7083',
  },
  {
    key: 'financial_income',
    line: 5,
    box: 'AE',
    label: 'Produits financiers',
    side: 'receipt',
    account: '76',
  },
  { key: 'other_income', line: 6, box: 'AF', label: 'Gains divers', side: 'receipt', account: '758' },
  { key: 'purchases', line: 8, box: 'BA', label: 'Achats', side: 'expense', account: '601' },
  {
    key: 'staff_salaries',
    line: 9,
    box: 'BB',
    label: 'Frais de personnel : salaires nets et avantages en nature',
    side: 'expense',
    account: '641',
  },
  {
    key: 'staff_social_charges',
    line: 10,
    box: 'BC',
    label: 'Frais de personnel : charges sociales sur salaires',
    side: 'expense',
    account: '645',
  },
  {
    key: 'vat_paid',
    line: 11,
    box: 'BD',
    label: 'Impôts et taxes : TVA payée',
    side: 'expense',
    account: '6354',
  },
  {
    key: 'cet',
    line: 12,
    box: 'JY',
    label: 'Contribution économique territoriale',
    side: 'expense',
    account: '635',
  },
  { key: 'other_taxes', line: 13, box: 'BS', label: 'Autres impôts', side: 'expense', account: '637' },
  {
    key: 'deductible_csg',
    line: 14,
    box: 'BV',
    label: 'Contribution sociale généralisée déductible',
    side: 'expense',
    account: '6468',
  },
  { key: 'rent', line: 15, box: 'BF', label: 'Loyers et charges locatives', side: 'expense', account: '613' },
  {
    key: 'equipment_rental',
    line: 16,
    box: 'BG',
    label: 'Location de matériel et de mobilier',
    side: 'expense',
    account: '6135',
  },
  {
    key: 'maintenance',
    line: 17,
    box: 'BH',
    label: 'Entretien et réparations',
    side: 'expense',
    account: '615',
  },
  {
    key: 'temporary_staff',
    line: 18,
    box: 'BJ',
    label: 'Personnel intérimaire',
    side: 'expense',
    account: '621',
  },
  { key: 'small_equipment', line: 19, box: 'BK', label: 'Petit outillage', side: 'expense', account: '6063' },
  {
    key: 'utilities',
    line: 20,
    box: 'BL',
    label: 'Chauffage, eau, gaz, électricité',
    side: 'expense',
    account: '6061',
  },
  {
    key: 'fees_not_retroceded',
    line: 21,
    box: 'BM',
    label: 'Honoraires ne constituant pas des rétrocessions',
    side: 'expense',
    account: '622',
  },
  { key: 'insurance', line: 22, box: 'BN', label: 'Primes d’assurance', side: 'expense', account: '616' },
  { key: 'vehicle', line: 23, box: 'BP', label: 'Frais de véhicules', side: 'expense', account: '6251' },
  {
    key: 'travel',
    line: 24,
    box: 'BQ',
    label: 'Autres frais de déplacements',
    side: 'expense',
    account: '6256',
  },
  {
    key: 'personal_social_charges',
    line: 25,
    box: 'BT',
    label: 'Charges sociales personnelles obligatoires',
    side: 'expense',
    account: '646',
  },
  {
    key: 'personal_optional_charges',
    line: 25,
    box: 'BU',
    label: 'Charges sociales personnelles facultatives',
    side: 'expense',
    account: '6466',
  },
  {
    key: 'reception_congress',
    line: 26,
    box: 'BR',
    label: 'Frais de réception, de représentation et de congrès',
    side: 'expense',
    account: '6257',
  },
  {
    key: 'office_documentation_phone',
    line: 27,
    box: 'BW',
    label: 'Fournitures de bureau, frais de documentation, de correspondance et de téléphone',
    side: 'expense',
    account: '626',
  },
  {
    key: 'legal_fees',
    line: 28,
    box: 'BX',
    label: 'Frais d’actes et de contentieux',
    side: 'expense',
    account: '6227',
  },
  {
    key: 'professional_dues',
    line: 29,
    box: 'BY',
    label: 'Cotisations syndicales et professionnelles',
    side: 'expense',
    account: '6281',
  },
  {
    key: 'other_management_costs',
    line: 30,
    box: 'BZ',
    label: 'Autres frais divers de gestion',
    side: 'expense',
    account: '628',
  },
  { key: 'financial_costs', line: 31, box: 'CA', label: 'Frais financiers', side: 'expense', account: '661' },
  {
    key: 'miscellaneous_losses',
    line: 32,
    box: 'CB',
    label: 'Pertes diverses',
    side: 'expense',
    account: '658',
  },
] as const satisfies readonly Form2035Line[];

export type Form2035Key = (typeof form2035Lines)[number]['key'];

export function form2035Line(key: string): Form2035Line | undefined {
  return form2035Lines.find((l) => l.key === key);
}
