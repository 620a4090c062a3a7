import { type CashDepositSlip, type ChequeDepositSlip, formatCents, formatIban } from '@pivot/core/billing';
import PDFDocument from 'pdfkit';
import type { InvoiceView } from './invoice-service.ts';

const euros = (cents: number) => `${formatCents(cents)} €`;
const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Producer: 'Pivot', Creator: 'Pivot' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function row(doc: PDFKit.PDFDocument, cells: string[], widths: number[], bold = false) {
  const y = doc.y;
  let x = doc.page.margins.left;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  let height = 0;
  cells.forEach((cell, i) => {
    const align = i === 0 || i === 1 ? 'left' : 'right';
    doc.text(cell, x, y, { width: widths[i]! - 4, align });
    height = Math.max(height, doc.y - y);
    x += widths[i]!;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + height + 3;
}

/** Note d'honoraires: practice, practitioner, patient, acts with their codes, split and amounts. */
export function invoicePdf(
  invoice: InvoiceView,
  organization: { name: string; address: string },
  options: { quote?: boolean } = {},
): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(organization.name);
    doc.font('Helvetica').fontSize(9).text(organization.address);
    doc.moveDown();
    doc
      .fontSize(9)
      .text(
        `${invoice.practitioner.name}${invoice.practitioner.specialty ? ` — ${invoice.practitioner.specialty}` : ''}`,
      );
    if (invoice.practitioner.rpps) doc.text(`RPPS ${invoice.practitioner.rpps}`);
    if (invoice.practitioner.sector)
      doc.text(
        `Secteur conventionnel : ${invoice.practitioner.sector === 'optam' ? '2 OPTAM' : invoice.practitioner.sector}`,
      );
    doc.moveDown();
    const title = options.quote
      ? 'Devis — information écrite préalable'
      : invoice.kind === 'credit_note'
        ? 'Avoir'
        : 'Note d’honoraires';
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(options.quote ? title : `${title} n° ${invoice.number}`);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Date : ${frenchDate(invoice.issuedOn)}`);
    doc.text(`Patient : ${invoice.patientName}, né(e) le ${frenchDate(invoice.patientBirthDate)}`);
    if (invoice.reason) doc.text(`Motif : ${invoice.reason}`);
    doc.moveDown();
    const widths = [60, 215, 60, 60, 50];
    row(doc, ['Acte', 'Libellé', 'Base', 'Honoraires', 'Dépass.'], widths, true);
    for (const l of invoice.lines) {
      row(
        doc,
        [
          l.coefficient ? `${l.code} ${l.coefficient}` : l.code,
          l.label,
          euros(l.baseCents),
          euros(l.feeCents),
          euros(l.feeCents - l.baseCents),
        ],
        widths,
      );
    }
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`Total des honoraires : ${euros(invoice.totalCents)}`);
    doc.font('Helvetica').fontSize(9);
    doc.text(`Part assurance maladie obligatoire : ${euros(invoice.amoCents)}`);
    doc.text(`Part complémentaire : ${euros(invoice.amcCents)}`);
    doc.text(`Reste à la charge du patient : ${euros(invoice.patientCents)}`);
    const split = invoice.split as { flatContributionCents?: number; patientPaysAtDeskCents?: number } | null;
    if (split?.flatContributionCents)
      doc.text(`Participation forfaitaire : ${euros(split.flatContributionCents)}`);
    if (split?.patientPaysAtDeskCents !== undefined)
      doc.text(`Montant réglé au cabinet : ${euros(split.patientPaysAtDeskCents)}`);
    doc.moveDown();
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(
        'Document établi par Pivot. Les factures ne sont jamais supprimées : une correction fait l’objet d’un avoir.',
      );
  });
}

/** Bordereau de remise de chèques: bank, IBAN, date, each cheque, count and total (billing.md). */
export function chequeSlipPdf(slip: ChequeDepositSlip, organization: { name: string }): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(`Bordereau de remise de chèques n° ${slip.number}`);
    doc.font('Helvetica').fontSize(10);
    doc.text(`Titulaire : ${organization.name}`);
    doc.text(`Banque : ${slip.bank}`);
    doc.text(`IBAN : ${formatIban(slip.iban)}`);
    doc.text(`Date de remise : ${frenchDate(slip.date)}`);
    doc.moveDown();
    const widths = [150, 150, 110, 85];
    row(doc, ['Tireur', 'Banque tirée', 'N° de chèque', 'Montant'], widths, true);
    for (const c of slip.lines) row(doc, [c.drawer, c.bank, c.number, euros(c.amountCents)], widths);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(11).text(`Nombre de chèques : ${slip.count}`);
    doc.text(`Total : ${euros(slip.totalCents)}`);
  });
}

/** Bordereau de remise d'espèces: the banknotes and coins by denomination, count and total (billing.md). */
export function cashSlipPdf(slip: CashDepositSlip, organization: { name: string }): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(`Bordereau de remise d’espèces n° ${slip.number}`);
    doc.font('Helvetica').fontSize(10);
    doc.text(`Titulaire : ${organization.name}`);
    doc.text(`Banque : ${slip.bank}`);
    doc.text(`IBAN : ${formatIban(slip.iban)}`);
    doc.text(`Date de remise : ${frenchDate(slip.date)}`);
    doc.moveDown();
    const widths = [150, 110, 110, 125];
    row(doc, ['Valeur', 'Nature', 'Nombre', 'Montant'], widths, true);
    for (const l of slip.lines)
      row(
        doc,
        [
          euros(l.denominationCents),
          l.kind === 'banknote' ? 'billets' : 'pièces',
          String(l.count),
          euros(l.totalCents),
        ],
        widths,
      );
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`Nombre de billets et pièces : ${slip.lines.reduce((n, l) => n + l.count, 0)}`);
    doc.text(`Total : ${euros(slip.totalCents)}`);
  });
}
