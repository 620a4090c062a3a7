import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, post } from '../app/api.ts';
import { describedText, isInvalid, renderWithApp } from '../app/testing/render.tsx';
import { PaymentForm } from './PaymentForm.tsx';

vi.mock('../app/api.ts', async (original) => ({
  ...(await original<typeof import('../app/api.ts')>()),
  post: vi.fn(),
}));

const postMock = vi.mocked(post);

beforeEach(() => {
  postMock.mockReset().mockResolvedValue({ creditCents: 0 });
});

const open = (amountCents = 2650, onDone = vi.fn()) =>
  renderWithApp(
    <PaymentForm patientId="pat-1" date="2026-12-02" amountCents={amountCents} onDone={onDone} />,
    {
      namespaces: ['billing'],
    },
  );
const amount = () => screen.getByRole('textbox', { name: 'Montant' });
const record = () => screen.getByRole('button', { name: 'Enregistrer le règlement' });
/** The body of the one payment sent. */
const sent = () => postMock.mock.calls[0]?.[1] as Record<string, unknown>;

describe('payment form', () => {
  it('starts with the amount due, written in euros with a comma', async () => {
    await open(2650);
    expect(amount()).toHaveProperty('value', '26,50');
  });

  it('sends the euros typed as exact cents, for the patient as payer', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('radio', { name: 'Espèces' }));
    await user.clear(amount());
    await user.type(amount(), '1 234,5');
    await user.click(record());
    expect(postMock).toHaveBeenCalledWith('/api/billing/payments', {
      date: '2026-12-02',
      amountCents: 123450,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: 'pat-1' },
    });
  });

  it('reads 0,29 € as 29 cents, not 28 (no floating point)', async () => {
    const { user } = await open();
    await user.clear(amount());
    await user.type(amount(), '0,29');
    await user.click(record());
    expect(sent().amountCents).toBe(29);
  });

  it('sends an unreadable amount as no amount for the server to refuse, never as a guess', async () => {
    const { user } = await open();
    await user.clear(amount());
    await user.type(amount(), 'douze');
    await user.click(record());
    expect(Number.isNaN(sent().amountCents)).toBe(true);
  });

  it('asks a cheque for its bank, number and drawer, and sends them', async () => {
    const { user } = await open();
    // A cheque is the default method.
    await user.type(screen.getByRole('textbox', { name: 'Banque' }), 'Crédit Agricole');
    await user.type(screen.getByRole('textbox', { name: 'N° de chèque' }), '0012345');
    await user.type(screen.getByRole('textbox', { name: 'Tireur' }), 'M. Martin');
    await user.click(record());
    expect(sent().method).toEqual({
      kind: 'cheque',
      bank: 'Crédit Agricole',
      number: '0012345',
      drawer: 'M. Martin',
    });
  });

  it('shows the server’s refusal of a cheque without number on the cheque number field', async () => {
    postMock.mockRejectedValue(
      new ApiError(400, 'validation_failed', 'Le numéro du chèque est obligatoire.', 'method.number'),
    );
    const { user } = await open();
    await user.click(record());
    const number = screen.getByRole('textbox', { name: 'N° de chèque' });
    await waitFor(() => expect(isInvalid(number)).toBe(true));
    expect(describedText(number)).toContain('Le numéro du chèque est obligatoire.');
    expect(isInvalid(screen.getByRole('textbox', { name: 'Banque' }))).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server’s refusal of the amount on the amount field', async () => {
    postMock.mockRejectedValue(new ApiError(400, 'amount_malformed', 'Montant illisible.', 'amountCents'));
    const { user } = await open();
    await user.click(record());
    await waitFor(() => expect(isInvalid(amount())).toBe(true));
    expect(describedText(amount())).toContain('Montant illisible.');
  });

  it('asks a card payment for an optional reference only, and no cheque details', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('radio', { name: 'Carte bancaire' }));
    expect(screen.queryByRole('textbox', { name: 'N° de chèque' })).toBeNull();
    await user.click(record());
    expect(sent().method).toEqual({ kind: 'card', reference: undefined });
    postMock.mockClear();
    await user.type(screen.getByRole('textbox', { name: 'Référence' }), 'TPE-778');
    await user.click(record());
    expect(sent().method).toEqual({ kind: 'card', reference: 'TPE-778' });
  });

  it('asks cash for nothing but the amount', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('radio', { name: 'Espèces' }));
    expect(screen.queryByRole('textbox', { name: 'Banque' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Référence' })).toBeNull();
  });

  it('shows a general refusal in an alert and does not close', async () => {
    postMock.mockRejectedValue(new ApiError(409, 'period_closed', 'La période comptable est close.'));
    const onDone = vi.fn();
    const { user } = await open(2650, onDone);
    await user.click(record());
    expect((await screen.findByRole('alert')).textContent).toContain('La période comptable est close.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('closes once the payment is recorded', async () => {
    const onDone = vi.fn();
    const { user } = await open(2650, onDone);
    await user.click(record());
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
  });
});
