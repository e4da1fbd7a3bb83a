import type { AppContext } from '../../../core/context.js';
import type { Message } from '../../../core/mail/index.js';
import type { NewcomerFile } from '../files.js';
import { spaceBase } from '../paths.js';
import { resumePath } from './steps.js';

/** When the household hears from its referent: said on the confirmation page and in the email. */
export const contactDelay = 'sous 5 jours ouvrés';

/** Who will contact the household, as the confirmation page and email say it. */
export interface Contact {
  organisationName: string;
  referentName: string | null;
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const greeting = (file: NewcomerFile) => (file.contactName ? `Bonjour ${file.contactName},` : 'Bonjour,');
const signature = (ctx: AppContext) => ['—', `L’équipe ${ctx.siteName()}`];

/** Sent when the file is created: the link to resume on any device. */
export function resumeLinkMessage(ctx: AppContext, file: NewcomerFile, link: string): Message {
  return {
    to: file.email ?? '',
    subject: 'Reprendre mon projet d’installation',
    kind: 'welcome-intake-resume',
    text: [
      greeting(file),
      '',
      `Vous avez commencé à décrire votre projet d’installation sur ${ctx.siteName()} (référence ${file.reference}). Vos réponses sont enregistrées à chaque étape.`,
      '',
      'Pour le reprendre où vous en étiez, sur cet appareil ou un autre, ouvrez ce lien (il fonctionne une fois, pendant 48 heures) :',
      link,
      '',
      `Pour recevoir un nouveau lien : ${ctx.config.PUBLIC_URL}${resumePath}`,
      '',
      'Si vous n’êtes pas à l’origine de ce projet, ignorez ce message.',
      '',
      ...signature(ctx),
    ].join('\n'),
  };
}

/** The answer to « Reprendre mon projet »: a fresh link to each unfinished project of the address. */
export function resumeListMessage(
  ctx: AppContext,
  email: string,
  files: { file: NewcomerFile; link: string }[],
): Message {
  return {
    to: email,
    subject: 'Reprendre mon projet d’installation',
    kind: 'welcome-intake-resume',
    text: [
      'Bonjour,',
      '',
      files.length > 1
        ? 'Voici un lien pour reprendre chacun des projets d’installation commencés avec cette adresse :'
        : 'Voici le lien pour reprendre votre projet d’installation où vous en étiez :',
      '',
      ...files.flatMap(({ file, link }) => [
        `Projet commencé le ${dateFormat.format(file.createdAt)} (référence ${file.reference}) :`,
        link,
        '',
      ]),
      'Chaque lien fonctionne une fois, pendant 48 heures.',
      'Si vous n’avez rien demandé, ignorez ce message.',
      '',
      ...signature(ctx),
    ].join('\n'),
  };
}

/** Sent when the project is sent: who will contact them and when, the reference, the link to their space. */
export function confirmationMessage(
  ctx: AppContext,
  file: NewcomerFile,
  contact: Contact,
  link: string,
): Message {
  return {
    to: file.email ?? '',
    subject: `Votre projet d’installation est bien envoyé (référence ${file.reference})`,
    kind: 'welcome-intake-confirmation',
    text: [
      greeting(file),
      '',
      'Merci ! Votre projet d’installation dans le Lot est bien envoyé.',
      '',
      `${contactSentence(contact)}`,
      `Votre référence : ${file.reference} (rappelez-la si vous nous appelez).`,
      '',
      'Dans votre espace, vous suivez votre dossier, écrivez à votre référent, et pouvez télécharger ou supprimer vos données. Ce lien l’ouvre (il fonctionne une fois, pendant 48 heures) :',
      link,
      '',
      `Ensuite, demandez un nouveau lien depuis ${ctx.config.PUBLIC_URL}${spaceBase}`,
      '',
      ...signature(ctx),
    ].join('\n'),
  };
}

/** « Grand Cahors vous contactera sous 5 jours ouvrés : Marie Dupont sera votre référente. » */
export function contactSentence(contact: Contact): string {
  const who = `${contact.organisationName} vous contactera ${contactDelay}.`;
  return contact.referentName ? `${who} ${contact.referentName} suivra votre projet.` : who;
}
