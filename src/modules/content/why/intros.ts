import type { ThemeSlug } from '../themes.js';

/**
 * What each theme says before its figures: general and verifiable statements about the Lot, no number (numbers
 * come from the data, with their source).
 */
export const themeIntros: Record<ThemeSlug, string> = {
  nature:
    'Causses calcaires, vallées du Lot, du Célé et de la Dordogne, forêts et pelouses sèches : le Lot fait partie des départements les moins densément peuplés de France. Une grande partie de son territoire est classée en Parc naturel régional des Causses du Quercy, reconnu Géoparc mondial UNESCO, et son ciel nocturne, peu touché par l’éclairage artificiel, est réputé pour l’observation des étoiles.',
  patrimoine:
    'Villages perchés, bastides, châteaux, pigeonniers et cazelles en pierre sèche : le Lot conserve un patrimoine bâti remarquable, de Rocamadour à Saint-Cirq-Lapopie en passant par le pont Valentré de Cahors. Les chemins de Saint-Jacques-de-Compostelle le traversent, et la gastronomie locale — vin de Cahors, truffe, safran, noix, agneau fermier, fromage de Rocamadour — fait partie du quotidien.',
  culture:
    'Festivals d’été, fêtes de village, marchés de producteurs, cinémas de proximité, médiathèques en réseau, artistes et artisans d’art installés à l’année : la vie culturelle du Lot se vit près de chez soi, toute l’année, et pas seulement en saison.',
  sport:
    'Randonnée sur des centaines de kilomètres de sentiers balisés, canoë sur le Lot, le Célé et la Dordogne, escalade, spéléologie, vélo sur routes tranquilles, mais aussi clubs de rugby, de football et de tennis dans les bourgs : le Lot se pratique en plein air.',
  sante:
    'Le Lot compte un centre hospitalier à Cahors et des hôpitaux de proximité, des maisons de santé pluriprofessionnelles qui se développent dans les bourgs, et des pharmacies réparties sur le territoire. Le département accueille activement les professionnels de santé qui veulent s’y installer.',
  education:
    'Des écoles de village aux classes souvent à effectifs réduits, des regroupements pédagogiques intercommunaux, des collèges et lycées dans les villes du département, et des formations supérieures à Cahors et Figeac : les enfants grandissent près de chez eux.',
  numerique:
    'Le déploiement de la fibre optique jusqu’à l’abonné est engagé dans tout le département, porté par les collectivités, et des tiers-lieux et espaces de travail partagés accueillent les télétravailleurs et indépendants dans plusieurs bourgs.',
  transport:
    'Le Lot est desservi par l’autoroute A20 et par les trains vers Paris et Toulouse, avec des gares à Souillac, Gourdon, Cahors et Figeac, et un réseau régional de cars. Les distances se parcourent sur des routes peu encombrées.',
  logement:
    'Maisons de bourg, fermes à rénover, logements communaux : le Lot offre des biens variés, plus d’espace et un accès au logement plus facile que dans les métropoles. Des logements temporaires aident à s’installer le temps de trouver.',
  emploi:
    'Santé, industrie aéronautique et mécanique autour de Figeac, agroalimentaire, bâtiment, tourisme, commerce et artisanat : les employeurs du Lot recrutent, et de nombreuses entreprises cherchent un repreneur à l’heure de la retraite de leur dirigeant.',
};
