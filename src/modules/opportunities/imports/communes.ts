import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../core/db/index.js';
import { normalizeSearch } from '../../territory/index.js';

/**
 * The territory's communes as an import resolves them: by INSEE code (a former commune merged since 2019
 * resolves to the commune it joined, as sources are slow to follow mergers) or by exact name, spelt with or
 * without accents, hyphens and capitals.
 */
export interface CommuneIndex {
  resolve(value: string): { ok: true; code: string; name: string } | { ok: false; reason: string };
  nameOf(code: string): string | undefined;
}

const inseePattern = /^[0-9][0-9AB][0-9]{3}$/;

export async function loadCommuneIndex(db: Db): Promise<CommuneIndex> {
  // The same table store.ts reads to place an opportunity: read directly, it is one small query per run.
  const list = await rows<{ code: string; name: string; former: { code: string; name: string }[] | null }>(
    db,
    sql`select code, name, former_communes as former from communes`,
  );
  const byCode = new Map(list.map((c) => [c.code, c]));
  const formerCode = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const c of list) {
    for (const f of c.former ?? []) if (!byCode.has(f.code)) formerCode.set(f.code, c.code);
    const key = normalizeSearch(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c.code]);
  }
  return {
    nameOf: (code) => byCode.get(code)?.name,
    resolve(value) {
      const text = value.trim();
      if (inseePattern.test(text.toUpperCase())) {
        const code = text.toUpperCase();
        const current = byCode.get(code) ?? byCode.get(formerCode.get(code) ?? '');
        if (current) return { ok: true, code: current.code, name: current.name };
        return {
          ok: false,
          reason: `Le code « ${text} » n’est celui d’aucune commune du territoire. Indiquez le code INSEE (et non le code postal) ou le nom exact de la commune.`,
        };
      }
      const codes = byName.get(normalizeSearch(text)) ?? [];
      if (codes.length === 1) return { ok: true, code: codes[0], name: byCode.get(codes[0])!.name };
      if (codes.length > 1)
        return {
          ok: false,
          reason: `Plusieurs communes s’appellent « ${text} » : indiquez son code INSEE (${codes.join(' ou ')}).`,
        };
      return {
        ok: false,
        reason: `Commune inconnue : « ${text} ». Indiquez le nom exact ou le code INSEE d’une commune du territoire.`,
      };
    },
  };
}
