export const roles = ['admin', 'editor', 'animator', 'referent', 'adviser', 'employer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** What each role is called in the back office. */
export const roleLabels: Record<Role, string> = {
  admin: 'Administrateur',
  editor: 'Éditeur',
  animator: 'Animateur de réseau',
  referent: 'Référent accueil',
  adviser: 'Conseiller partenaire',
  employer: 'Employeur',
  viewer: 'Membre du comité (lecture)',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
