/**
 * Emails to staff about an assignment, a reassignment or a hand-off. They carry the file's reference, where the
 * household wants to settle and the back-office link — never the household's name or contact details: email
 * leaves the platform, the file does not.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import { type Db, one, rows } from '../../../core/db/index.js';
import { filePath } from '../paths.js';

/** « Grand Cahors » or « Figeac, Cajarc » or « lieu pas encore choisi ». */
export async function placeLabel(db: Db, fileId: string): Promise<string> {
  const file = await one<{ epciName: string | null; communes: string[] }>(
    db,
    sql`select e.name as "epciName", f.place_communes as communes
        from newcomer_files f left join epcis e on e.code = f.epci_code where f.id = ${fileId}`,
  );
  if (file?.epciName) return file.epciName;
  const codes = file?.communes ?? [];
  if (codes.length) {
    const names = await rows<{ name: string }>(
      db,
      sql`select name from communes where code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )}) order by name`,
    );
    if (names.length) return names.map((n) => n.name).join(', ');
  }
  return 'lieu pas encore choisi';
}

export interface FileNotice {
  fileId: string;
  reference: string;
  subject: string;
  /** The opening sentence, e.g. « Un nouveau dossier d’accueil vous est confié. » */
  intro: string;
  kind: string;
}

/** Sends one email per distinct recipient. */
export async function notifyStaff(ctx: AppContext, recipients: string[], notice: FileNotice): Promise<void> {
  const to = [...new Set(recipients.map((r) => r.toLowerCase()))];
  if (to.length === 0) return;
  const place = await placeLabel(ctx.db, notice.fileId);
  const link = `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${filePath(notice.fileId)}`;
  const text = [
    'Bonjour,',
    '',
    notice.intro,
    '',
    `Référence : ${notice.reference}`,
    `Lieu d’installation souhaité : ${place}`,
    '',
    `Ouvrir le dossier : ${link}`,
    '',
    'Connectez-vous au back-office pour voir le projet du foyer et le contacter.',
    '',
    `— ${ctx.siteName()}`,
  ].join('\n');
  for (const address of to)
    await ctx.mailer.send({ to: address, subject: notice.subject, text, kind: notice.kind });
}
