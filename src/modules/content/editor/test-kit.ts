/** The content editor's test kit: an app on a fresh database, a signed-in editor, multipart form posts. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { cookiesOf, csrfTokenIn, type TestApp, testApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { adminPaths } from '../paths.js';

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  content: Buffer;
}

export interface EditorKit {
  t: TestApp;
  /** The signed-in editor's cookie header. */
  editor: string;
  /** Loads the form page (for its CSRF token), then posts the form as multipart to the form's action. */
  submit(
    formUrl: string,
    fields: [string, string][],
    files?: FilePart[],
    cookie?: string,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function editorKit(): Promise<EditorKit> {
  const dir = await mkdtemp(path.join(tmpdir(), 'choisir-content-editor-'));
  const t = await testApp({ FILES_DIR: dir });
  const user = await createUser(t.db(), { role: 'editor', name: 'Élise Éditrice' });
  const editor = await loginAs(t.app, user.email, user.password);
  return {
    t,
    editor,
    async submit(formUrl, fields, files = [], cookie = editor) {
      const page = await t.app.inject({ method: 'GET', url: formUrl, headers: { cookie } });
      assert.equal(page.statusCode, 200);
      const body = multipart([['_csrf', csrfTokenIn(page.body)], ...fields], files);
      const action = page.body
        .match(/<form method="post" action="([^"]+)" enctype/)?.[1]
        ?.replace(/&amp;/g, '&');
      assert.ok(action);
      return t.app.inject({
        method: 'POST',
        url: action,
        headers: { cookie: cookiesOf(page, cookie), 'content-type': body.contentType },
        payload: body.payload,
      });
    },
    async close() {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body as a browser sends it (empty file inputs send empty parts). */
function multipart(fields: [string, string][], files: FilePart[] = []) {
  const boundary = '----choisirContentBoundary7Q';
  const parts: Buffer[] = [];
  for (const [name, value] of fields)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const name of ['image', 'bodyImage']) {
    const f = files.find((x) => x.name === name) ?? {
      name,
      filename: '',
      type: 'application/octet-stream',
      content: Buffer.alloc(0),
    };
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const jpeg = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer();

export const idFrom = (location: string | undefined) => {
  const id = location?.match(/\/admin\/contenus\/([0-9a-f-]{36})/)?.[1];
  assert.ok(id, `no content id in ${location}`);
  return id;
};

export const storyUrl = `${adminPaths.create}?type=story`;
