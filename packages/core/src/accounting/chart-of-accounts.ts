import { form2035Lines } from './form-2035.ts';

export interface Account {
  number: string;
  label: string;
}

/** Treasury and owner accounts of a liberal practice kept on a cash basis (PCG numbering). */
export const treasuryAccounts = {
  bank: { number: '512', label: 'Banque' },
  cash: { number: '531', label: 'Caisse' },
  owner: { number: '108', label: 'Compte de l’exploitant' },
} as const;

/**
 * A small chart of accounts: class 5 treasury, 108 for the owner's private share, 706 fees and
 * the expense accounts of the 2035 lines.
 */
export const chartOfAccounts: readonly Account[] = [
  treasuryAccounts.owner,
  treasuryAccounts.bank,
  treasuryAccounts.cash,
  ...form2035Lines.map((l) => ({
    number: l.account,
    label: l.key === 'receipts' ? 'Honoraires' : l.label,
  })),
].sort((a, b) => (a.number < b.number ? -1 : 1));

export function accountLabel(number: string): string {
  return chartOfAccounts.find((a) => a.number === number)?.label ?? number;
}
