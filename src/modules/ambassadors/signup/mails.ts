import type { AppContext } from '../../../core/context.js';
import { adminBase } from '../paths.js';
import { confirmUrl } from '../tokens.js';

const signature = (ctx: AppContext) => `—\nLe réseau des ambassadeurs du Lot\n${ctx.siteName()}`;

export function confirmationMail(ctx: AppContext, to: string, name: string, token: string) {
  return {
    to,
    kind: 'ambassador-confirm',
    subject: 'Confirmez votre inscription au réseau des ambassadeurs',
    text: [
      `Bonjour ${name},`,
      '',
      'Merci de vouloir devenir ambassadeur du Lot. Pour confirmer votre adresse e-mail et envoyer votre inscription à l’équipe, ouvrez ce lien (valable 7 jours) :',
      '',
      confirmUrl(ctx, token),
      '',
      'Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message : sans confirmation, rien ne sera enregistré durablement.',
      '',
      signature(ctx),
    ].join('\n'),
  };
}

/** Sent instead of a second record: the form never tells whether an address is known, the mailbox does. */
export function alreadyRegisteredMail(ctx: AppContext, to: string) {
  return {
    to,
    kind: 'ambassador-already',
    subject: 'Vous êtes déjà inscrit au réseau des ambassadeurs',
    text: [
      'Bonjour,',
      '',
      'Une nouvelle inscription au réseau des ambassadeurs du Lot vient d’être demandée avec cette adresse e-mail, qui y est déjà inscrite. Nous n’avons rien créé de plus.',
      '',
      'Si votre inscription n’est pas encore confirmée, utilisez le lien du premier message reçu. Pour toute question, répondez à ce message.',
      '',
      'Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message.',
      '',
      signature(ctx),
    ].join('\n'),
  };
}

/** Staff are told a sign-up waits; the ambassador's personal data stays in the back office. */
export function staffNoticeMail(ctx: AppContext, to: string, code: string) {
  return {
    to,
    kind: 'ambassador-staff-signup',
    subject: 'Nouvelle inscription d’ambassadeur à valider',
    text: [
      'Bonjour,',
      '',
      `Une inscription d’ambassadeur (code ${code}) vient d’être confirmée et attend votre validation :`,
      '',
      `${ctx.config.PUBLIC_URL}${adminBase}`,
      '',
      signature(ctx),
    ].join('\n'),
  };
}
