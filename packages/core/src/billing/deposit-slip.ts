import { assertIsoDate, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { assertNonNegativeCents, type Cents, sumCents } from '../money/index.ts';
import { countDenominations, type DenominationCount, type DenominationLine } from './cash-register.ts';

export function compactIban(iban: string): string {
  return iban.replace(/[\s-]/g, '').toUpperCase();
}

/** IBAN check (ISO 13616): move the first 4 characters to the end, letters → 10..35, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  const compact = compactIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  if (compact.startsWith('FR') && compact.length !== 27) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** `FR7630006000011234567890189` → `FR76 3000 6000 0112 3456 7890 189`. */
export function formatIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

export interface ChequeToDeposit {
  /** The payment that brought the cheque. */
  paymentId: string;
  drawer: string;
  bank: string;
  number: string;
  amountCents: Cents;
}

export interface ChequeDepositSlip {
  kind: 'cheque';
  number: string;
  bank: string;
  iban: string;
  date: IsoDate;
  lines: ChequeToDeposit[];
  count: number;
  totalCents: Cents;
}

export interface CashDepositSlip {
  kind: 'cash';
  number: string;
  bank: string;
  iban: string;
  date: IsoDate;
  lines: DenominationLine[];
  totalCents: Cents;
}

export type DepositSlip = ChequeDepositSlip | CashDepositSlip;

interface SlipHeader {
  number: string;
  bank: string;
  iban: string;
  date: IsoDate;
}

function checkHeader(header: SlipHeader): SlipHeader {
  if (header.bank.trim() === '') throw new DomainError('required', { field: 'bank' });
  if (!isValidIban(header.iban)) throw new DomainError('invalid_iban', { field: 'iban' });
  return { ...header, iban: compactIban(header.iban), date: assertIsoDate(header.date, 'date') };
}

/**
 * Cheque deposit slip (billing.md § Cash, deposit slips): bank and IBAN of the practice, date, one
 * line per cheque, count and total. A cheque is on one slip only.
 */
export function buildChequeDepositSlip(
  header: SlipHeader,
  cheques: readonly ChequeToDeposit[],
  alreadyDepositedPaymentIds: ReadonlySet<string> = new Set(),
): ChequeDepositSlip {
  const checked = checkHeader(header);
  if (cheques.length === 0) throw new DomainError('deposit_slip_empty', { field: 'cheques' });
  const onThisSlip = new Set<string>();
  cheques.forEach((c, i) => {
    if (alreadyDepositedPaymentIds.has(c.paymentId) || onThisSlip.has(c.paymentId)) {
      throw new DomainError('cheque_already_deposited', {
        field: `cheques.${i}`,
        params: { number: c.number },
      });
    }
    onThisSlip.add(c.paymentId);
    assertNonNegativeCents(c.amountCents, `cheques.${i}.amountCents`);
    if (c.amountCents === 0) throw new DomainError('payment_zero', { field: `cheques.${i}.amountCents` });
    for (const field of ['drawer', 'bank', 'number'] as const) {
      if (c[field].trim() === '') throw new DomainError('required', { field: `cheques.${i}.${field}` });
    }
  });
  return {
    kind: 'cheque',
    ...checked,
    lines: [...cheques],
    count: cheques.length,
    totalCents: sumCents(cheques.map((c) => c.amountCents)),
  };
}

/** Cash deposit slip: the banknotes and coins handed to the bank, by denomination. */
export function buildCashDepositSlip(header: SlipHeader, denominations: DenominationCount): CashDepositSlip {
  const checked = checkHeader(header);
  const { lines, totalCents } = countDenominations(denominations);
  if (totalCents === 0) throw new DomainError('deposit_slip_empty', { field: 'denominations' });
  return { kind: 'cash', ...checked, lines, totalCents };
}
