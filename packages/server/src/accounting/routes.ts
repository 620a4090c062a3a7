import {
  bankImportInput,
  bankImportView,
  chartOfAccounts,
  chartView,
  expenseEntered,
  expenseInput,
  expenseView,
  fecExportInput,
  form2035Lines,
  journalEntryView,
  reconciledTransactionView,
  reconciliationProposalsView,
  reconciliationUndoneView,
  reconciliationView,
  yearlyTotalsView,
} from '@pivot/core/accounting';
import { isoDate } from '@pivot/core/billing';
import { id, integerParam, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  importBankStatement,
  reconcile,
  reconciledTransactions,
  reconciliationProposals,
  undoReconciliation,
} from './bank-service.ts';
import { enterExpense, expensesBetween, exportFec, journalBetween, totalsOfYear } from './journal-service.ts';

const idParams = z.object({ id });

export async function accountingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/accounting/chart',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'Chart of accounts and the lines of the 2035 return',
        response: { 200: chartView },
      },
    },
    async () => ({ accounts: chartOfAccounts, form2035Lines }),
  );

  app.get(
    '/api/accounting/journal',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'Receipts-and-expenses journal between two dates',
        querystring: z.object({ from: isoDate, to: isoDate }),
        response: { 200: z.array(journalEntryView) },
      },
    },
    async (request) => journalBetween(db.kysely, actorOf(request).organizationId, request.query),
  );

  app.get(
    '/api/accounting/totals',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'Yearly totals per 2035 line, private shares excluded',
        querystring: z.object({ year: integerParam.min(2000).max(2100) }),
        response: { 200: yearlyTotalsView },
      },
    },
    async (request) => totalsOfYear(db.kysely, actorOf(request).organizationId, request.query.year),
  );

  app.get(
    '/api/accounting/expenses',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'Expenses entered',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: z.array(expenseView) },
      },
    },
    async (request) => expensesBetween(db.kysely, actorOf(request).organizationId, request.query),
  );

  app.post(
    '/api/accounting/expenses',
    {
      config: { permission: 'accounting.write' },
      schema: {
        tags: ['accounting'],
        summary: 'Enter an expense with its 2035 category and professional share',
        body: expenseInput,
        response: { 201: expenseEntered },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enterExpense(db.kysely, actorOf(request), request.body)),
  );

  app.post(
    '/api/accounting/bank-imports',
    {
      config: { permission: 'accounting.write' },
      schema: {
        tags: ['accounting'],
        summary: 'Import a bank statement (CSV or OFX); the same file twice changes nothing',
        body: bankImportInput.omit({ maxDaysApart: true }).extend({
          fileName: text().trim().min(1).max(200),
          content: text().min(1).max(5_000_000),
        }),
        response: { 201: bankImportView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await importBankStatement(db.kysely, actorOf(request), request.body)),
  );

  app.get(
    '/api/accounting/bank-transactions',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'Unreconciled bank transactions with proposed journal entries',
        querystring: z.object({ maxDaysApart: integerParam.min(0).max(60).default(5) }),
        response: { 200: reconciliationProposalsView },
      },
    },
    async (request) => reconciliationProposals(db.kysely, actorOf(request).organizationId, request.query),
  );

  app.post(
    '/api/accounting/bank-transactions/:id/reconcile',
    {
      config: { permission: 'accounting.write' },
      schema: {
        tags: ['accounting'],
        summary: 'Confirm that a bank transaction settles these journal entries',
        params: idParams,
        body: z.object({ entryIds: z.array(id).min(1).max(1000) }),
        response: { 200: reconciliationView },
      },
    },
    async (request) => reconcile(db.kysely, actorOf(request), request.params.id, request.body.entryIds),
  );

  app.get(
    '/api/accounting/bank-transactions/reconciled',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'Reconciled bank transactions, newest first, with the entries they settle',
        response: { 200: z.array(reconciledTransactionView) },
      },
    },
    async (request) => reconciledTransactions(db.kysely, actorOf(request).organizationId),
  );

  app.delete(
    '/api/accounting/bank-transactions/:id/reconcile',
    {
      config: { permission: 'accounting.write' },
      schema: {
        tags: ['accounting'],
        summary: 'Undo a reconciliation: the transaction and its entries are open again',
        params: idParams,
        response: { 200: reconciliationUndoneView },
      },
    },
    async (request) => undoReconciliation(db.kysely, actorOf(request), request.params.id),
  );

  app.get(
    '/api/accounting/fec',
    {
      config: { permission: 'accounting.read' },
      schema: {
        tags: ['accounting'],
        summary: 'The FEC file (LPF art. A47 A-1) of a fiscal year, named <SIREN>FEC<closing date>.txt',
        querystring: fecExportInput,
      },
    },
    async (request, reply) => {
      const fec = await exportFec(db.kysely, actorOf(request), request.query);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fec.fileName}"`)
        .send(fec.content);
    },
  );
}
