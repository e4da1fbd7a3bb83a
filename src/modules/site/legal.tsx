import { Breadcrumbs } from '../../core/views/index.js';

export interface LegalInfo {
  publisher: string;
  address: string;
  phone: string;
  email: string;
  director: string;
  host: string;
  accessibilityContact: string;
  privacyContact: string;
}

function LegalFrame({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <div class="container">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: title }]} />
      <div class="prose">
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function LegalNoticePage({ legal, siteName }: { legal: LegalInfo; siteName: string }) {
  return (
    <LegalFrame title="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        Le site {siteName} est édité par le {legal.publisher}, {legal.address}. Téléphone : {legal.phone}.
        Courriel : <a href={`mailto:${legal.email}`}>{legal.email}</a>.
      </p>
      <h2>Directeur de la publication</h2>
      <p>{legal.director}.</p>
      <h2>Hébergement</h2>
      <p>{legal.host}.</p>
      <h2>Données géographiques</h2>
      <p>
        Contours des communes et du département : IGN Admin Express COG 2018 ; codes, noms, codes postaux et
        populations des communes et des intercommunalités : INSEE et Etalab (paquet « découpage administratif
        »). Ces données sont diffusées sous Licence Ouverte / Open Licence (Etalab).
      </p>
      <h2>Logiciel</h2>
      <p>
        Le site fonctionne avec Choisir, un logiciel libre de gestion des programmes d’attractivité et
        d’accueil des territoires.
      </p>
    </LegalFrame>
  );
}

export function AccessibilityPage({ legal, siteName }: { legal: LegalInfo; siteName: string }) {
  return (
    <LegalFrame title="Déclaration d’accessibilité">
      <p>
        Le {legal.publisher} s’engage à rendre ses sites internet accessibles conformément à l’article 47 de
        la loi n° 2005-102 du 11 février 2005. Cette déclaration d’accessibilité s’applique au site {siteName}
        .
      </p>
      <h2>État de conformité</h2>
      <p>
        Le site {siteName} est <strong>partiellement conforme</strong> avec le référentiel général
        d’amélioration de l’accessibilité (RGAA), version 4.1 : aucun audit complet n’a encore été réalisé.
      </p>
      <h2>Ce que nous vérifions déjà</h2>
      <ul>
        <li>
          Chaque modèle de page est contrôlé automatiquement (axe-core, critères WCAG 2.1 niveaux A et AA) à
          chaque modification du logiciel.
        </li>
        <li>
          Toutes les pages fonctionnent sans JavaScript ; la recherche de commune s’utilise entièrement au
          clavier.
        </li>
        <li>
          Les cartes sont doublées de listes de liens ; chaque commune de la carte a un nom lisible par les
          lecteurs d’écran.
        </li>
        <li>Un lien d’évitement mène directement au contenu ; le focus clavier est toujours visible.</li>
      </ul>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers
        une alternative accessible :{' '}
        <a href={`mailto:${legal.accessibilityContact}`}>{legal.accessibilityContact}</a>.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à un service, que
        vous nous l’avez signalé et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au
        Défenseur des droits, le contacter par son formulaire en ligne ou rencontrer l’un de ses délégués, ou
        lui écrire par courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </LegalFrame>
  );
}

export function PrivacyPage({
  legal,
  siteName,
  journalRetentionDays,
}: {
  legal: LegalInfo;
  siteName: string;
  journalRetentionDays: number;
}) {
  return (
    <LegalFrame title="Données personnelles">
      <p>
        Le {legal.publisher} est responsable des traitements de données personnelles réalisés sur {siteName}.
        Nous ne collectons que ce dont chaque démarche a besoin.
      </p>
      <h2>Ce que nous collectons aujourd’hui</h2>
      <ul>
        <li>
          <strong>Visiteurs</strong> : aucune donnée personnelle, aucun traceur, aucune mesure d’audience par
          un tiers. Aucune page ne charge de ressource depuis un autre site.
        </li>
        <li>
          <strong>Personnels des partenaires</strong> (Département, intercommunalités, chambres…) : nom,
          adresse e-mail, organisme et rôle, pour gérer leur accès à l’espace partenaires. Finalité :
          exécution d’une mission d’intérêt public.
        </li>
        <li>
          <strong>Journal d’audit</strong> : les connexions et les modifications faites dans l’espace
          partenaires (qui, quoi, quand), pour la sécurité des données. Il est conservé{' '}
          {Math.round(journalRetentionDays / 365)} ans puis effacé automatiquement.
        </li>
      </ul>
      <h2>Cookies</h2>
      <p>
        Nous n’utilisons que des cookies strictement nécessaires, exemptés de consentement : un cookie de
        session pour les personnels connectés (il expire après 12 heures d’inactivité) et un cookie de
        sécurité qui protège les formulaires contre les envois frauduleux.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation et d’opposition. Pour
        les exercer : <a href={`mailto:${legal.privacyContact}`}>{legal.privacyContact}</a>. Vous pouvez aussi
        adresser une réclamation à la CNIL.
      </p>
    </LegalFrame>
  );
}
