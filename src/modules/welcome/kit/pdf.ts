import PDFDocument from 'pdfkit';
import { formatNumber } from '../../../core/views/index.js';
import { formatKm } from '../../territory/index.js';
import { communeReasonLabels, type Kit } from './assemble.js';

/**
 * The kit as a PDF, drawn with pdfkit's standard fonts (Helvetica): nothing to install, nothing embedded.
 * Those fonts encode text in WinAnsi, which covers French (é è à ç œ ’ « » …) but not every character an
 * editor may type: winAnsi() maps the rest to a close equivalent so the PDF never shows garbage.
 */

const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const replacements: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2032': '’',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2610': '[ ]',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u2023': '•',
  '\u2043': '-',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.includes(ch);
}

/** Text the standard fonts can draw: WinAnsi characters as they are, others mapped or without accents, else « ? ». */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r?\n/g, ' ')) {
    if (isWinAnsi(ch)) out += ch;
    else if (replacements[ch] !== undefined) out += replacements[ch];
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

export interface PdfOptions {
  siteName: string;
  generatedAt: Date;
  /** Tests turn compression off to read the text back. */
  compress?: boolean;
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const colours = { ink: '#1d1d1b', muted: '#555555', accent: '#1f5c4a' };
const margin = 56;

export function renderKitPdf(kit: Kit, options: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'fr-FR',
    info: {
      Title: winAnsi(`Kit d’accueil — dossier ${kit.reference}`),
      Author: winAnsi(options.siteName),
      Subject: `Dossier ${kit.reference}`,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - margin * 2;

  const text = (value: string, font = 'Helvetica', size = 11, colour = colours.ink) =>
    doc.font(font).fontSize(size).fillColor(colour).text(winAnsi(value), { width });
  const heading = (value: string) => {
    // Keep a heading with at least a few lines of what follows.
    if (doc.y > doc.page.height - margin - 90) doc.addPage();
    doc.moveDown(0.8);
    text(value, 'Helvetica-Bold', 14, colours.accent);
    doc.moveDown(0.3);
  };
  const bullet = (value: string, box = false) => {
    const x = margin;
    doc.font('Helvetica').fontSize(11);
    const height = doc.heightOfString(winAnsi(value), { width: width - 20 });
    if (doc.y + height > doc.page.height - margin) doc.addPage();
    const y = doc.y;
    if (box)
      doc
        .lineWidth(0.8)
        .strokeColor(colours.ink)
        .rect(x, y + 1.5, 9, 9)
        .stroke();
    else
      doc
        .circle(x + 4, y + 6, 1.8)
        .fillColor(colours.ink)
        .fill();
    doc
      .fillColor(colours.ink)
      .text(winAnsi(value), x + 20, y, { width: width - 20 })
      .moveDown(0.25);
    doc.x = margin;
  };

  text('Kit d’accueil', 'Helvetica-Bold', 24, colours.accent);
  text(options.siteName, 'Helvetica', 12, colours.muted);
  doc.moveDown(0.8);
  text(`Préparé pour ${kit.householdName || 'votre foyer'}, dossier ${kit.reference}`, 'Helvetica-Bold', 12);
  if (kit.profileName) text(`Profil : ${kit.profileName}`);
  text(`Édition du ${dateFormat.format(options.generatedAt)}`, 'Helvetica', 10, colours.muted);

  for (const section of kit.sections.filter((s) => s.kind !== 'links')) {
    heading(section.title);
    for (const item of section.items) {
      if (section.kind === 'checklist') bullet(item, true);
      else text(item).moveDown(0.3);
    }
  }

  const c = kit.commune;
  if (c) {
    heading(`${c.name} (${communeReasonLabels[c.reason]})`);
    text(c.summary).moveDown(0.3);
    bullet(`Habitants : ${c.population === null ? 'non connu' : formatNumber(c.population)}`);
    bullet(`${c.postalCodes.length > 1 ? 'Codes postaux' : 'Code postal'} : ${c.postalCodes.join(', ')}`);
    if (c.areaKm2 !== null) bullet(`Superficie : environ ${formatNumber(Math.round(c.areaKm2))} km²`);
    for (const d of c.distances)
      bullet(`${d.to}${d.note ? ` (${d.note})` : ''} : ${formatKm(d.km)} à vol d’oiseau`);
  }

  heading('Vos contacts');
  text('Votre référent accueil', 'Helvetica-Bold', 11);
  const r = kit.referent;
  if (r) {
    for (const line of [r.name, r.organisationName, r.email, r.organisationPhone]) if (line) bullet(line);
  } else text('Votre référent vous sera présenté très bientôt.');
  const e = kit.epci;
  if (e) {
    doc.moveDown(0.5);
    text('Votre intercommunalité', 'Helvetica-Bold', 11);
    bullet(`${e.name} (${e.kindLabel})`);
    for (const line of [e.seatName ? `Siège : ${e.seatName}` : null, e.email, e.phone, e.website])
      if (line) bullet(line);
  }

  for (const section of kit.sections.filter((s) => s.kind === 'links')) {
    heading(section.title);
    for (const link of section.links) bullet(`${link.label} : ${link.url}`);
  }

  // Page numbers last, once the page count is known; the bottom margin is lifted so pdfkit does not add a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(colours.muted)
      .text(
        winAnsi(`Kit d’accueil — dossier ${kit.reference} — page ${i + 1} sur ${range.count}`),
        margin,
        doc.page.height - margin + 16,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
