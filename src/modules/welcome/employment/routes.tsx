/** The « Emploi » tab of a file: each adult's job search, searching and proposing published offers. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { parseForm } from '../../../core/http/index.js';
import { ErrorSummary, Notice } from '../../../core/views/index.js';
import {
  emptyFilters,
  parseFilters,
  type SearchFilters,
  searchOpportunities,
} from '../../opportunities/index.js';
import { listEpcis } from '../../territory/index.js';
import { openFile } from '../access.js';
import { FileFrame, fileTitle } from '../file/frame.js';
import { loadFileHeader } from '../file/header.js';
import { findFile, type NewcomerFile } from '../files.js';
import { filePath } from '../paths.js';
import { propose, updateAdult } from './service.js';
import { type Adult, findAdult, listAdults, listProposals } from './store.js';
import { AdultCard, type MemberForm, ProposalsTable, SearchSection, type SearchState } from './view.js';

type IdParams = { Params: { id: string } };
type MemberParams = { Params: { id: string; memberId: string } };

const AdultForm = Type.Object({
  occupation: Type.Optional(Type.String({ maxLength: 200 })),
  seekingWork: Type.Optional(Type.String()),
  jobSearch: Type.Optional(Type.String({ maxLength: 1000 })),
});
const adultMessages = {
  occupation: 'Le métier tient en 200 caractères au plus.',
  jobSearch: 'La recherche tient en 1 000 caractères au plus.',
};

const ProposalForm = Type.Object({
  memberId: Type.String({ minLength: 1, maxLength: 64 }),
  opportunityId: Type.String({ minLength: 1, maxLength: 64 }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  search: Type.Optional(Type.String({ maxLength: 2000 })),
});
const proposalMessages = {
  memberId: 'Choisissez un adulte de ce foyer pour cette proposition.',
  opportunityId: 'Choisissez une offre dans les résultats.',
  note: 'Le mot au foyer tient en 1 000 caractères au plus.',
};

/** The places of the file: where the household looks, and the EPCI that leads it. */
const filePlaces = (file: NewcomerFile) => [
  ...new Set([...file.placeEpcis, ...(file.epciCode ? [file.epciCode] : [])]),
];

/** Keeps only the search's own parameters, so a query string can be carried through a form safely. */
function searchQuery(adultId: string, filters: SearchFilters): string {
  const params = new URLSearchParams({ membre: adultId, type: 'job', q: filters.q });
  for (const e of filters.epcis) params.append('epci', e);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params.toString();
}

/** A query string as Fastify parses one: repeated keys become arrays. */
function queryRecord(qs: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(qs)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

interface PageExtras {
  status?: number;
  problem?: string;
  memberForm?: MemberForm;
  /** Query of the search to show (defaults to the request's). */
  query?: Record<string, unknown>;
}

async function searchState(
  ctx: AppContext,
  file: NewcomerFile,
  adults: Adult[],
  query: Record<string, unknown>,
  proposed: { memberId: string | null; opportunityId: string }[],
): Promise<SearchState | null> {
  const seekers = adults.map((adult, index) => ({ adult, index })).filter((s) => s.adult.seekingWork);
  if (seekers.length === 0) return null;
  const wanted = typeof query.membre === 'string' ? query.membre : '';
  const chosen = seekers.find((s) => s.adult.id === wanted) ?? seekers[0];
  let filters: SearchFilters;
  let messages: string[] = [];
  if (typeof query.q === 'string' || Array.isArray(query.q)) {
    const parsed = parseFilters({ q: query.q, type: 'job', epci: query.epci, page: query.page });
    filters = parsed.filters;
    messages = Object.values(parsed.errors);
  } else {
    // First visit: the adult's own words and the household's places.
    filters = {
      ...emptyFilters,
      q: (chosen.adult.jobSearch || chosen.adult.occupation || '').slice(0, 200),
      kinds: ['job'],
      epcis: filePlaces(file),
    };
  }
  const [result, epcis] = await Promise.all([
    searchOpportunities(ctx.db, filters, { pageSize: 10, facets: false }),
    listEpcis(ctx.db),
  ]);
  return {
    adult: chosen.adult,
    adultIndex: chosen.index,
    seekers,
    filters,
    messages,
    result,
    epcis: epcis.map((e) => ({ code: e.code, name: e.name })),
    proposedIds: new Set(proposed.filter((p) => p.memberId === chosen.adult.id).map((p) => p.opportunityId)),
    query: searchQuery(chosen.adult.id, filters),
  };
}

async function renderPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  fileId: string,
  extras: PageExtras = {},
) {
  const file = (await findFile(ctx.db, fileId)) as NewcomerFile;
  const [header, adults, proposals] = await Promise.all([
    loadFileHeader(ctx.db, fileId),
    listAdults(ctx.db, fileId),
    listProposals(ctx.db, fileId),
  ]);
  const query = extras.query ?? (request.query as Record<string, unknown>);
  const search = await searchState(ctx, file, adults, query, proposals);
  const ok = query.ok;
  return reply.page({
    title: fileTitle(header, 'emploi'),
    staff: true,
    status: extras.status ?? 200,
    body: (
      <div class="container admin">
        <FileFrame header={header} current="emploi">
          {ok === 'propose' && (
            <Notice kind="success">L’offre a été proposée ; le foyer a été prévenu par courriel.</Notice>
          )}
          {ok === 'membre' && <Notice kind="success">La recherche d’emploi a été enregistrée.</Notice>}
          {extras.problem && <ErrorSummary errors={{ _form: extras.problem }} />}
          {extras.memberForm && (
            <ErrorSummary
              errors={Object.fromEntries(
                Object.entries(extras.memberForm.errors).map(([k, v]) => [
                  `${k}-${extras.memberForm?.memberId}`,
                  v,
                ]),
              )}
            />
          )}
          <section class="employment-adults" aria-labelledby="adultes-titre">
            <h2 id="adultes-titre">Les adultes du foyer</h2>
            {adults.length === 0 ? (
              <p>Le foyer n’a déclaré aucun adulte.</p>
            ) : (
              <div class="employment-adults__list">
                {adults.map((adult, index) => (
                  <AdultCard
                    key={adult.id}
                    fileId={fileId}
                    adult={adult}
                    index={index}
                    form={extras.memberForm}
                  />
                ))}
              </div>
            )}
          </section>
          {search ? (
            <SearchSection fileId={fileId} state={search} />
          ) : (
            <p>Aucun adulte du foyer ne cherche d’emploi pour l’instant.</p>
          )}
          <section class="employment-proposals" aria-labelledby="propositions-titre">
            <h2 id="propositions-titre">Offres proposées</h2>
            <ProposalsTable items={proposals} />
          </section>
        </FileFrame>
      </div>
    ),
  });
}

export function employmentStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const base = (id: string) => filePath(id, 'emploi');

  app.get<IdParams>(`${filePath(':id')}/emploi`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { ip: request.ip });
    return renderPage(ctx, request, reply, id);
  });

  app.post<MemberParams>(`${filePath(':id')}/emploi/membres/:memberId`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { journal: false });
    const adult = await findAdult(db, id, request.params.memberId);
    if (!adult)
      return renderPage(ctx, request, reply, id, {
        status: 404,
        problem: 'Cet adulte ne fait pas partie de ce foyer.',
        query: {},
      });
    const parsed = parseForm(AdultForm, request.body, adultMessages);
    if (!parsed.ok)
      return renderPage(ctx, request, reply, id, {
        status: 400,
        memberForm: { memberId: adult.id, values: parsed.values, errors: parsed.errors },
        query: {},
      });
    const v = parsed.value;
    await updateAdult(
      ctx,
      request.actor as Actor,
      id,
      adult,
      {
        occupation: v.occupation?.trim() || null,
        seekingWork: v.seekingWork === '1' || v.seekingWork === 'on',
        jobSearch: v.jobSearch?.trim() || null,
      },
      request.ip,
    );
    return reply.redirect(`${base(id)}?ok=membre&membre=${adult.id}`, 303);
  });

  app.post<IdParams>(`${filePath(':id')}/emploi/propositions`, async (request, reply) => {
    const id = await openFile(db, request.actor, request.params.id, { journal: false });
    const parsed = parseForm(ProposalForm, request.body, proposalMessages);
    const search = queryRecord(parsed.ok ? (parsed.value.search ?? '') : (parsed.values.search ?? ''));
    if (!parsed.ok)
      return renderPage(ctx, request, reply, id, {
        status: 400,
        problem: Object.values(parsed.errors)[0],
        query: search,
      });
    const file = (await findFile(db, id)) as NewcomerFile;
    const outcome = await propose(
      ctx,
      request.actor as Actor,
      file,
      {
        memberId: parsed.value.memberId,
        opportunityId: parsed.value.opportunityId,
        note: parsed.value.note?.trim() || null,
      },
      request.ip,
    );
    if (!outcome.ok)
      return renderPage(ctx, request, reply, id, { status: 400, problem: outcome.message, query: search });
    const back = new URLSearchParams(parsed.value.search ?? '');
    back.set('ok', 'propose');
    return reply.redirect(`${base(id)}?${back.toString()}`, 303);
  });
}
