import type { FieldErrors } from '../../../core/http/index.js';
import { TextInput } from '../../../core/views/index.js';
import { listProfiles, type TargetProfile } from '../../content/index.js';
import { heardFromLabels } from '../files.js';
import { normaliseAmbassadorCode } from './attribution.js';
import type { StepHandler } from './handler.js';
import { text } from './parse.js';
import { suggestProfile } from './profile.js';
import { listMembers } from './store.js';
import { ChoiceGroup, one } from './views/controls.js';
import { IntakeFrame, StepForm } from './views/frame.js';

/** How they heard of us; the campaign and ambassador code came with the link and can be corrected here. */
export const originStep: StepHandler<undefined> = {
  load: async () => undefined,
  values: (file) => ({
    // A file that came through an ambassador's link or code: that is most likely how they heard of us.
    heardFrom: file?.heardFrom ?? (file?.ambassadorCode ? 'ambassador' : ''),
    heardDetail: file?.heardDetail ?? '',
    ambassadorCode: file?.ambassadorCode ?? '',
  }),
  View({ file, values, errors }) {
    return (
      <IntakeFrame step="origine" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <p class="lead">Cela nous aide à savoir ce qui donne envie de venir dans le Lot.</p>
        <StepForm step="origine">
          <ChoiceGroup
            type="radio"
            name="heardFrom"
            legend="Comment avez-vous entendu parler de nous ?"
            options={Object.entries(heardFromLabels).map(([value, label]) => ({ value, label }))}
            value={one(values.heardFrom)}
            errors={errors}
          />
          <TextInput
            name="heardDetail"
            label="Précisez si vous le souhaitez (facultatif)"
            hint="Le nom du salon, du site, du journal, de la personne…"
            value={one(values.heardDetail)}
            errors={errors}
          />
          {file?.campaign && (
            <p class="intake-note">
              Vous êtes arrivé par la campagne « {file.campaign} ». Merci de l’avoir suivie !
            </p>
          )}
          <TextInput
            name="ambassadorCode"
            label="Code ambassadeur (facultatif)"
            hint="Si un ambassadeur du Lot vous a donné un code, il est déjà rempli ou vous pouvez le saisir. Il lui permet de savoir que vous l’avez écouté."
            value={one(values.ambassadorCode)}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body) {
    const errors: FieldErrors = {};
    const heardFrom = text(body, 'heardFrom');
    const detail = text(body, 'heardDetail');
    const code = text(body, 'ambassadorCode');
    if (!heardFromLabels[heardFrom])
      errors.heardFrom = 'Choisissez comment vous avez entendu parler de nous.';
    if (detail.length > 200) errors.heardDetail = 'Saisissez au plus 200 caractères.';
    if (code && !/^[A-Za-z0-9_-]{1,40}$/.test(code))
      errors.ambassadorCode = 'Un code ambassadeur ne contient que des lettres, des chiffres et des tirets.';
    if (Object.keys(errors).length) return { ok: false, errors };
    return {
      ok: true,
      changes: {
        heardFrom,
        heardDetail: detail || null,
        ambassadorCode: code ? normaliseAmbassadorCode(code) : null,
      },
    };
  },
};

interface ProfileData {
  profiles: TargetProfile[];
  suggested: string | null;
}

/** No profile fits: stored as null. */
const noProfile = 'aucun';

/** The target profile suggested from the answers (profile.ts), which the household confirms or changes. */
export const profileStep: StepHandler<ProfileData> = {
  async load(ctx, file) {
    const [profiles, members] = await Promise.all([
      listProfiles(ctx.db),
      file ? listMembers(ctx.db, file.id) : Promise.resolve([]),
    ]);
    const adults = members.filter((m) => m.kind === 'adult');
    const suggested = suggestProfile({
      occupations: adults.map((m) => m.occupation ?? ''),
      adultAges: adults.map((m) => m.age),
      projectKinds: file?.projectKinds ?? [],
    });
    return { profiles, suggested: profiles.some((p) => p.slug === suggested) ? suggested : null };
  },
  values: (file, data) => ({
    targetProfile:
      file?.targetProfile ?? (file?.intakeStep === 'profil' ? (data.suggested ?? '') : noProfile),
  }),
  View({ file, data, values, errors }) {
    const suggestedName = data.profiles.find((p) => p.slug === data.suggested)?.name;
    return (
      <IntakeFrame step="profil" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <p class="lead">
          {suggestedName
            ? `D’après vos réponses, votre projet ressemble au profil « ${suggestedName} ». Confirmez-le ou choisissez celui qui vous correspond le mieux.`
            : 'Choisissez le profil qui vous correspond le mieux, s’il y en a un.'}
        </p>
        <StepForm step="profil">
          <ChoiceGroup
            type="radio"
            name="targetProfile"
            legend="Votre profil"
            hint="Il sert à vous envoyer les informations les plus utiles pour vous ; il ne change rien au traitement de votre demande."
            options={[
              ...data.profiles.map((p) => ({
                value: p.slug,
                label: p.slug === data.suggested ? `${p.name} (suggéré pour vous)` : p.name,
                hint: p.tagline,
              })),
              { value: noProfile, label: 'Aucun ne me correspond' },
            ]}
            value={one(values.targetProfile)}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body, data) {
    const chosen = text(body, 'targetProfile');
    if (chosen !== noProfile && !data.profiles.some((p) => p.slug === chosen))
      return { ok: false, errors: { targetProfile: 'Choisissez un profil, ou « Aucun ne me correspond ».' } };
    return { ok: true, changes: { targetProfile: chosen === noProfile ? null : chosen } };
  },
};
