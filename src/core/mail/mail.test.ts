import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { freshDatabase } from '../../../test/helpers/db.js';
import type { Database } from '../db/index.js';
import { createMailer, findOutboxMessage, listOutbox } from './index.js';

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

test('without SMTP a message is kept in the outbox', async () => {
  const mailer = createMailer(database.db, { smtpUrl: '', from: 'test@lot.fr' });
  const sent = await mailer.send({
    to: 'nouvel.arrivant@example.fr',
    subject: 'Bienvenue',
    text: 'Bonjour',
    kind: 'welcome',
  });
  assert.equal(sent.status, 'stored');
  const message = await findOutboxMessage(database.db, sent.id);
  assert.equal(message?.recipient, 'nouvel.arrivant@example.fr');
  assert.equal(message?.kind, 'welcome');
  const list = await listOutbox(database.db, {
    limit: 10,
    offset: 0,
    recipient: 'NOUVEL.arrivant@example.fr',
  });
  assert.equal(list.total, 1);
});

test('with SMTP the message is delivered to the server and marked sent', async () => {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    socket.write('220 localhost ESMTP\r\n');
    let data = false;
    socket.on('data', (chunk) => {
      for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
        if (data) {
          received.push(line);
          if (line === '.') {
            data = false;
            socket.write('250 OK queued\r\n');
          }
          continue;
        }
        if (/^(EHLO|HELO)/i.test(line)) socket.write('250 localhost\r\n');
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const mailer = createMailer(database.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'test@lot.fr' });
    const sent = await mailer.send({
      to: 'referent@lot.fr',
      subject: 'Nouveau dossier',
      text: 'Un dossier vous attend.',
    });
    assert.equal(sent.status, 'sent');
    assert.ok(received.some((l) => l.includes('Un dossier vous attend.')));
    assert.equal((await findOutboxMessage(database.db, sent.id))?.status, 'sent');
  } finally {
    server.close();
  }
});

test('an unreachable SMTP server marks the message failed, nothing lost', async () => {
  const mailer = createMailer(database.db, { smtpUrl: 'smtp://127.0.0.1:1', from: 'test@lot.fr' });
  const sent = await mailer.send({ to: 'x@lot.fr', subject: 'Essai', text: 'Texte' });
  assert.equal(sent.status, 'failed');
  const message = await findOutboxMessage(database.db, sent.id);
  assert.equal(message?.text, 'Texte');
  assert.ok(message?.error);
});

test('extra headers (List-Unsubscribe) reach the SMTP server; a message without them is unchanged', async () => {
  const messages: string[][] = [];
  const server = net.createServer((socket) => {
    socket.write('220 localhost ESMTP\r\n');
    let data: string[] | null = null;
    socket.on('data', (chunk) => {
      for (const line of chunk.toString().split('\r\n')) {
        if (data) {
          if (line === '.') {
            messages.push(data);
            data = null;
            socket.write('250 OK queued\r\n');
          } else data.push(line);
          continue;
        }
        if (!line) continue;
        if (/^(EHLO|HELO)/i.test(line)) socket.write('250 localhost\r\n');
        else if (/^DATA/i.test(line)) {
          data = [];
          socket.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const mailer = createMailer(database.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'test@lot.fr' });
    const unsubscribe = 'https://choisir.example/opportunites/alerte/desabonner/abc';
    const sent = await mailer.send({
      to: 'abonne@example.fr',
      subject: 'Vos nouvelles opportunités',
      text: 'Une nouvelle offre.',
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    assert.equal(sent.status, 'sent');
    await mailer.send({ to: 'autre@example.fr', subject: 'Sans en-tête', text: 'Texte' });
    assert.equal(messages.length, 2);
    // Long headers are folded onto continuation lines: unfold before reading them.
    const [withHeaders, without] = messages.map((lines) => lines.join('\n').replace(/\n[ \t]+/g, ' '));
    assert.match(withHeaders, new RegExp(`^List-Unsubscribe: <${unsubscribe}>$`, 'm'));
    assert.match(withHeaders, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    assert.doesNotMatch(without, /List-Unsubscribe/);
    const stored = await findOutboxMessage(database.db, sent.id);
    assert.equal(stored?.text, 'Une nouvelle offre.');
  } finally {
    server.close();
  }
});
