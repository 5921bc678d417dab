/**
 * A minimal SMTP client (RFC 5321) for notification e-mails: `smtp://[user:pass@]host[:port]` (plain; STARTTLS is
 * not attempted) or `smtps://…` (TLS from the start, port 465), AUTH PLAIN when the URL has credentials, one
 * message per connection. Enough for a relay such as a company's mail server or a local MTA.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** RFC 2047 for a non-ASCII subject. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value)
    ? value
    : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

export async function sendMail(smtpUrl: string, message: MailMessage, timeoutMs = 15_000): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 25));
  const socket = secure
    ? tls.connect({ host: url.hostname, port, servername: url.hostname })
    : net.connect({ host: url.hostname, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`SMTP: sem resposta de ${url.host}`)));
  let buffer = '';
  const waiters: ((reply: { code: number; text: string } | Error) => void)[] = [];
  const replies: { code: number; text: string }[] = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply ends at a line "NNN text" (a space after the code; "NNN-" continues).
    for (let match = /^(\d{3}) .*\r?\n/m.exec(buffer); match; match = /^(\d{3}) .*\r?\n/m.exec(buffer)) {
      const end = match.index + match[0].length;
      const reply = { code: Number(match[1]), text: buffer.slice(0, end).trim() };
      buffer = buffer.slice(end);
      const waiter = waiters.shift();
      if (waiter) waiter(reply);
      else replies.push(reply);
    }
  });
  socket.on('error', (error) => waiters.splice(0).forEach((waiter) => waiter(error)));
  const next = () =>
    new Promise<{ code: number; text: string }>((resolve, reject) => {
      const ready = replies.shift();
      if (ready) return resolve(ready);
      waiters.push((reply) => (reply instanceof Error ? reject(reply) : resolve(reply)));
    });
  const expect = async (command: string | null, codes: number[]) => {
    if (command !== null) socket.write(`${command}\r\n`);
    const reply = await next();
    if (!codes.includes(reply.code))
      throw new Error(`SMTP: ${command?.split(' ')[0] ?? 'conexão'} recusado por ${url.host}: ${reply.text}`);
  };
  try {
    await expect(null, [220]);
    await expect(`EHLO finconsole`, [250]);
    if (url.username) {
      const plain = `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`;
      await expect(`AUTH PLAIN ${Buffer.from(plain).toString('base64')}`, [235]);
    }
    await expect(`MAIL FROM:<${message.from}>`, [250]);
    await expect(`RCPT TO:<${message.to}>`, [250, 251]);
    await expect('DATA', [354]);
    const body = message.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    const data = [
      `From: finconsole <${message.from}>`,
      `To: <${message.to}>`,
      `Subject: ${encodeHeader(message.subject)}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '.',
    ].join('\r\n');
    await expect(data, [250]);
    await expect('QUIT', [221]);
  } finally {
    socket.end();
  }
}
