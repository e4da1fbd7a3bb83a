/** Every URL of the welcome journey, so parts link to each other without guessing. */

/** Public intake « Mon projet d'installation ». */
export const intakeBase = '/mon-projet';
/** The household's space (magic-link login). */
export const spaceBase = '/mon-espace';
/** A magic link: opens a household session, then the intake (not yet submitted) or the space. */
export const magicLinkPath = (token: string) => `${spaceBase}/lien/${token}`;
/** A check-in form from its email. */
export const checkinPath = (token: string) => `/suivi/${token}`;

/** Back office. */
export const filesBase = '/admin/dossiers';
export const filePath = (id: string, tab = '') => `${filesBase}/${id}${tab ? `/${tab}` : ''}`;
export const boardPath = `${filesBase}/tableau`;
/** Configuration of the journey: stages, rules, team, partners, kit. */
export const settingsBase = '/admin/accueil';
