import { Type } from 'typebox';
import { parseForm } from '../../../core/http/index.js';
import { TextInput } from '../../../core/views/index.js';
import { readAttribution } from './attribution.js';
import type { StepHandler } from './handler.js';
import { isPhone } from './parse.js';
import { one } from './views/controls.js';
import { IntakeFrame, StepForm } from './views/frame.js';

const ContactForm = Type.Object({
  contactName: Type.String({ minLength: 2, maxLength: 120 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
});

const messages = {
  contactName: 'Saisissez votre prénom et votre nom.',
  email: 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.',
  phone: 'Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
};

/** Contact: who to write to. Each field says why it is asked. The first save creates the file (routes.tsx). */
export const contactStep: StepHandler<undefined> = {
  load: async () => undefined,
  values: (file) => ({
    contactName: file?.contactName ?? '',
    email: file?.email ?? '',
    phone: file?.phone ?? '',
  }),
  View({ file, values, errors }) {
    return (
      <IntakeFrame step="contact" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <p class="lead">
          Pour commencer, dites-nous comment vous joindre. Vous n’avez pas de compte à créer : un lien envoyé
          par e-mail vous permettra de reprendre votre projet à tout moment.
        </p>
        <StepForm step="contact">
          {!file && <AttributionFields campaign={one(values.campagne)} code={one(values.ambassadeur)} />}
          <TextInput
            name="contactName"
            label="Votre prénom et votre nom"
            hint="Pour que la personne qui vous accompagnera sache comment s’adresser à vous."
            autocomplete="name"
            required
            value={one(values.contactName)}
            errors={errors}
          />
          <TextInput
            name="email"
            type="email"
            label="Votre adresse e-mail"
            hint="Pour vous envoyer le lien qui permet de reprendre votre projet, puis la réponse de votre référent. Par exemple : prenom.nom@exemple.fr"
            autocomplete="email"
            required
            value={one(values.email)}
            errors={errors}
          />
          <TextInput
            name="phone"
            type="tel"
            label="Votre numéro de téléphone (facultatif)"
            hint="Si vous préférez qu’on vous appelle. Par exemple : 06 12 34 56 78"
            autocomplete="tel"
            value={one(values.phone)}
            errors={errors}
          />
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(_ctx, body) {
    const parsed = parseForm(ContactForm, body, messages);
    const errors = parsed.ok ? {} : { ...parsed.errors };
    const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
    if (phone && !errors.phone && !isPhone(phone)) errors.phone = messages.phone;
    if (!parsed.ok || Object.keys(errors).length) {
      const ordered = Object.fromEntries(
        ['contactName', 'email', 'phone', '_form'].filter((k) => errors[k]).map((k) => [k, errors[k]]),
      );
      return { ok: false, errors: ordered };
    }
    return {
      ok: true,
      changes: { contactName: parsed.value.contactName, email: parsed.value.email, phone: phone || null },
    };
  },
};

/** The campaign and ambassador code of the link that brought the household, until the file keeps them. */
function AttributionFields({ campaign, code }: { campaign: string; code: string }) {
  return (
    <>
      {campaign && <input type="hidden" name="campagne" value={campaign} />}
      {code && <input type="hidden" name="ambassadeur" value={code} />}
    </>
  );
}

/** The hidden fields' values on the first page, from the link (see attribution.ts). */
export function contactAttributionValues(request: Parameters<typeof readAttribution>[0]) {
  const a = readAttribution(request);
  return { campagne: a.campaign ?? '', ambassadeur: a.ambassadorCode ?? '' };
}
