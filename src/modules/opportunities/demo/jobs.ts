import { type ContractType, contractTypes, type JobDetails, type Sector, workingTimes } from '../kinds.js';
import {
  communeDraw,
  type DemoCommune,
  type DemoContext,
  type DemoItem,
  daysFromNow,
  isoDay,
  locate,
  profilesIn,
} from './context.js';
import { type JobTemplate, jobCatalog } from './job-catalog.js';
import {
  demoNotice,
  fictitiousBusinessName,
  fictitiousEmail,
  fictitiousPerson,
  fictitiousPhone,
} from './names.js';
import { type Random, WeightedList } from './random.js';

/** Sectors that cluster in one intercommunality: aeronautics around Figeac, tourism in the Dordogne valley. */
const sectorFocus: Partial<Record<Sector, { epci: string; share: number }>> = {
  industrie: { epci: '200067361', share: 0.55 },
  hotellerie: { epci: '200066371', share: 0.35 },
};

const sectorIntros: Partial<Record<Sector, string[]>> = {
  sante: [
    'L’établissement, à taille humaine, mise sur une équipe stable et des plannings connus à l’avance.',
    'Le territoire manque de soignants : votre arrivée est attendue par toute une équipe.',
  ],
  btp: ['L’entreprise, familiale, travaille pour des particuliers et des collectivités du département.'],
  industrie: [
    'Le site fait partie du bassin aéronautique et mécanique de Figeac, qui recrute toute l’année.',
    'L’entreprise investit dans de nouvelles machines et forme ses équipes en interne.',
  ],
  hotellerie: ['La maison accueille chaque été les visiteurs de la vallée et des grands sites du Lot.'],
  agriculture: ['L’exploitation vend une partie de sa production en direct et sur les marchés.'],
  numerique: ['L’équipe travaille pour des clients dans toute la France depuis le Lot.'],
};
const genericIntros = [
  'Entreprise locale en développement, l’ambiance de travail y est conviviale.',
  'Une structure à taille humaine, où chacun est connu et écouté.',
  'Une équipe soudée, attachée à son territoire et à la qualité de son travail.',
];
const perks = [
  'Mutuelle d’entreprise prise en charge à 60 %.',
  'Titres-restaurant et prime de fin d’année.',
  'Horaires stables, connus deux semaines à l’avance.',
  'Plan de formation et possibilité d’évolution.',
  'Participation aux frais de transport.',
  'Comité d’entreprise et chèques-vacances.',
];
const placeLines = [
  'Écoles, commerces et services sont à quelques minutes, la nature au pas de la porte.',
  'Un cadre de vie rare entre causses et vallées, à une heure de Toulouse ou de Brive.',
  'La vie associative et les marchés de pays rythment la semaine.',
];
const relocationHelps = [
  'Logement offert le premier mois le temps de votre installation.',
  'Prime d’installation de 2 000 € et aide à la recherche de logement.',
  'Accompagnement par le réseau d’accueil du Lot pour votre installation.',
];
const spouseHelps = [
  'Le réseau des employeurs du territoire accompagne la recherche d’emploi de votre conjoint(e).',
  'Aide à la recherche d’emploi du conjoint et à l’inscription des enfants à l’école.',
];
const experienceLines = {
  none: 'Débutant(e) accepté(e) : vous serez formé(e) sur place.',
  '1y': 'Une première expérience d’au moins un an est souhaitée.',
  '3y': 'Vous justifiez d’au moins trois ans d’expérience sur un poste similaire.',
  '5y': 'Vous avez au moins cinq ans d’expérience, dont une partie en encadrement.',
} as const;

const euro = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const payUnits = { HOUR: 'brut de l’heure', MONTH: 'brut par mois', YEAR: 'brut par an' } as const;

/** "de" with elision before a vowel: "poste d’infirmier", "poste de boulanger". */
const of = (word: string) => (/^[aeiouyéèêh]/i.test(word) ? `d’${word}` : `de ${word}`);

export function jobGenerator(context: DemoContext) {
  const templates = new WeightedList(jobCatalog, (t) => t.weight);
  const communes = communeDraw(context.communes, 1.1);
  const focused = new Map(
    Object.entries(sectorFocus).map(([sector, focus]) => [
      sector,
      communeDraw(
        context.communes.filter((c) => c.epciCode === focus.epci),
        1,
      ),
    ]),
  );

  return (random: Random, index: number): DemoItem => {
    const t = templates.draw(random);
    const focus = sectorFocus[t.sector];
    const commune =
      focus && random.chance(focus.share) ? focused.get(t.sector)!.draw(random) : communes.draw(random);
    return { row: jobRow(random, context, t, commune, index) };
  };
}

function jobRow(random: Random, context: DemoContext, t: JobTemplate, commune: DemoCommune, index: number) {
  const contract = random.weighted(t.contracts) as ContractType;
  const seasonal = Boolean(t.seasonal) && contract === 'cdd';
  const trainee = contract === 'alternance' || contract === 'stage';
  const employer = `${random.pick(t.employers)} ${fictitiousBusinessName(random)}`;
  const partTime = random.chance(t.partTime ?? 0.03);
  const workingTime = partTime ? 'part' : 'full';
  const experience = trainee ? 'none' : random.pick(t.experience);
  const posts = seasonal ? random.int(1, 4) : random.chance(0.1) ? random.int(2, 3) : 1;
  const wanted = Boolean(t.wanted);
  const openToCouples = random.chance(wanted ? 0.45 : 0.15);
  const relocationHelp = random.chance(wanted ? 0.5 : 0.08) ? random.pick(relocationHelps) : undefined;
  const publishedDaysAgo = random.next() * 60;
  // Seasons start in April or June of the coming season; other posts within two months.
  const startsInDays = seasonal ? seasonStart(context, random) : random.int(7, 60);
  const startsOn = isoDay(context, startsInDays);

  const details: JobDetails = {
    occupation: t.occupation,
    ...(t.romeCode ? { romeCode: t.romeCode } : {}),
    workingTime,
    hoursPerWeek: partTime ? random.pick([17.5, 20, 24, 28, 30]) : 35,
    ...pay(random, t, contract),
    experience,
    ...(t.qualification ? { qualification: t.qualification } : {}),
    remote: t.remote ? random.weighted({ partial: 3, full: 1 }) : 'no',
    posts,
    ...(relocationHelp ? { relocationHelp } : {}),
    ...(openToCouples ? { spouseHelp: random.pick(spouseHelps) } : {}),
  };

  const suffix = seasonal
    ? ` (saison ${startsOn.slice(0, 4)})`
    : contract === 'alternance'
      ? ' en alternance'
      : contract === 'stage'
        ? ' (stage)'
        : '';
  const contact = fictitiousPerson(random);
  const description = [
    [
      `${employer} recrute à ${commune.name} pour un poste ${of(t.occupation.toLowerCase())} ` +
        `(${contractTypes[contract]}, ${workingTimes[workingTime].toLowerCase()}).`,
      random.pick(sectorIntros[t.sector] ?? genericIntros),
    ],
    random.sample(t.tasks, 2),
    [
      experienceLines[experience],
      t.qualification ? `Diplôme ou titre attendu : ${t.qualification}.` : '',
      ...random.sample(perks, random.int(1, 2)),
      relocationHelp ?? '',
      openToCouples ? (details.spouseHelp ?? '') : '',
    ],
    [random.pick(placeLines), demoNotice],
  ]
    .map((sentences) => sentences.filter(Boolean).join(' '))
    .join('\n\n');

  return {
    kind: 'job' as const,
    status: 'published' as const,
    title: `${t.title}${suffix}`,
    description,
    ...locate(context, commune, false),
    source: 'demo',
    sourceId: `job-${String(index + 1).padStart(5, '0')}`,
    demo: true,
    targetProfiles: profilesIn(context, [
      ...(wanted ? ['wanted'] : []),
      ...(experience === 'none' || trainee ? ['jeunes'] : []),
      ...(openToCouples || t.remote ? ['secondes-vies'] : []),
      ...(t.sector === 'hotellerie' ? ['touristes'] : []),
    ]),
    contractType: contract,
    sector: t.sector,
    wanted,
    openToCouples,
    employerName: employer,
    contactName: contact.full,
    contactEmail: fictitiousEmail('recrutement', employer),
    contactPhone: random.chance(0.6) ? fictitiousPhone(random) : null,
    details,
    startsOn,
    publishedAt: daysFromNow(context, -publishedDaysAgo),
    expiresAt: daysFromNow(context, -publishedDaysAgo + random.int(75, 150)),
  };
}

/** Days until the next season start (1 April or 1 June) at least two weeks away. */
function seasonStart(context: DemoContext, random: Random): number {
  const now = context.now;
  const month = random.chance(0.5) ? 3 : 5;
  let start = Date.UTC(now.getUTCFullYear(), month, 1);
  if (start - now.getTime() < 14 * 86_400_000) start = Date.UTC(now.getUTCFullYear() + 1, month, 1);
  return Math.round((start - now.getTime()) / 86_400_000);
}

/** Pay as an offer states it: a gross range with its period, or a sentence when there is none. */
function pay(random: Random, t: JobTemplate, contract: ContractType): Partial<JobDetails> {
  if (contract === 'alternance') return { salaryText: 'Selon la grille de rémunération de l’apprentissage' };
  if (contract === 'stage') return { salaryText: 'Gratification légale de stage' };
  if (t.payText && (contract === 'liberal' || !t.pay)) return { salaryText: t.payText };
  if (!t.pay) return { salaryText: 'Selon profil et convention collective' };
  const [low, high, unit] = t.pay;
  const step = unit === 'HOUR' ? 0.1 : unit === 'MONTH' ? 50 : 1000;
  const round = (v: number) => Number((Math.round(v / step) * step).toFixed(2));
  const min = round(low + (high - low) * random.next() * 0.5);
  const max = Math.max(min + step, round(min + (high - low) * (0.3 + random.next() * 0.5)));
  const format = unit === 'HOUR' ? cents : euro;
  return {
    salaryMin: min,
    salaryMax: max,
    salaryUnit: unit,
    salaryText: `${format.format(min)} à ${format.format(max)} € ${payUnits[unit]}`,
  };
}
