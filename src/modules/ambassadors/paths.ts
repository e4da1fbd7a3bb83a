/** Every URL of the ambassadors' network, so parts link to each other without guessing. */
export const publicBase = '/ambassadeurs';
/** « Devenir ambassadeur »: the public sign-up form. */
export const signupPath = `${publicBase}/devenir`;
/** The sign-up's email confirmation link. */
export const confirmPath = (token: string) => `${publicBase}/confirmer/${token}`;
/** Staff: the directory and the validation queue. */
export const adminBase = '/admin/ambassadeurs';
export const adminAmbassadorPath = (id: string) => `${adminBase}/${id}`;
