/** Every URL of the ambassadors' network, so parts link to each other without guessing. */
export const publicBase = '/ambassadeurs';
/** « Devenir ambassadeur »: the public sign-up form. */
export const signupPath = `${publicBase}/devenir`;
/** The sign-up's email confirmation link. */
export const confirmPath = (token: string) => `${publicBase}/confirmer/${token}`;
/** Public portraits of the ambassadors who opted in. */
export const portraitsPath = `${publicBase}/portraits`;
/** A newsletter's unsubscribe link (token: purpose 'unsubscribe'). */
export const unsubscribePath = (token: string) => `${publicBase}/desabonnement/${token}`;

/**
 * The personal tracked link (also the QR code's target with `?via=qr`): counts the visit, offers to remember
 * the ambassador for the intake (first-party cookie, on the visitor's consent). Short: it is printed on cards.
 */
export const referralPath = (code: string) => `/a/${code}`;

/** The ambassador's own space (magic-link login, no password). */
export const spaceBase = `${publicBase}/espace`;
export const spacePaths = {
  home: spaceBase,
  login: `${spaceBase}/connexion`,
  /** The emailed login link: GET shows a button, POST uses the single-use token (mail scanners burn nothing). */
  link: (token: string) => `${spaceBase}/lien/${token}`,
  logout: `${spaceBase}/deconnexion`,
  profile: `${spaceBase}/profil`,
  portrait: `${spaceBase}/portrait`,
  missions: `${spaceBase}/missions`,
  mission: (id: string) => `${spaceBase}/missions/${id}`,
  kit: `${spaceBase}/kit`,
  /** The QR code of the tracked link, as SVG (to print) — the kit page shows it. */
  qrCode: `${spaceBase}/kit/qr-code.svg`,
  impact: `${spaceBase}/impact`,
  lead: `${spaceBase}/signaler`,
  buddies: `${spaceBase}/parrainages`,
  buddy: (id: string) => `${spaceBase}/parrainages/${id}`,
  data: `${spaceBase}/donnees`,
  /** Upcoming events of the content module tagged for the network. */
  events: `${spaceBase}/evenements`,
};

/** Staff: the directory and the validation queue, then the animation pages. */
export const adminBase = '/admin/ambassadeurs';
export const adminAmbassadorPath = (id: string) => `${adminBase}/${id}`;
export const adminPaths = {
  directory: adminBase,
  missions: `${adminBase}/missions`,
  mission: (id: string) => `${adminBase}/missions/${id}`,
  impact: `${adminBase}/impact`,
  dormant: `${adminBase}/dormants`,
  newsletters: `${adminBase}/lettres`,
  newsletter: (id: string) => `${adminBase}/lettres/${id}`,
  map: `${adminBase}/carte`,
  /** Invite the network to the content module's events tagged for it. */
  events: `${adminBase}/evenements`,
};

/** The buddy tab of a newcomer file (served by this module, shown among the file's tabs by welcome). */
export const fileBuddyPath = (fileId: string) => `/admin/dossiers/${fileId}/parrainage`;
/** The household's side of a buddy proposal, in its space. */
export const householdBuddyPath = '/mon-espace/parrainage';
