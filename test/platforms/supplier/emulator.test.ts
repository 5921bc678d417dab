/** The emulator's own surface: control-route validation, and `finconsole emulate supplier` as a process. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('control routes', () => {
  it('refuse a malformed event naming the field', async () => {
    const result = await post(`${h.emulator.url}/_control/events`, [
      { entryId: 'E-1', eventCode: 'IMPL', type: 'X' },
    ]);
    expect(result.status).toBe(422);
    expect(result.body.erros[0]).toMatchObject({ campo: '0.type' });
  });

  it('deciding without an analysis in progress is a 404', async () => {
    const result = await post(`${h.emulator.url}/_control/analyses/11222333000181/decide`, {
      approved: true,
      limitCents: 1,
    });
    expect(result.status).toBe(404);
  });

  it('the API refuses calls without a token', async () => {
    const response = await fetch(`${h.emulator.url}/api/v1/conciliacao/lancamentos`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      codigo: 'NAO_AUTORIZADO',
      mensagem: 'Token ausente, inválido ou expirado',
    });
  });
});

describe('finconsole emulate supplier', () => {
  it('listens on the given port and issues tokens to the demo credentials', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const child = spawn(
      process.execPath,
      ['bin/finconsole.mjs', 'emulate', 'supplier', '--port', String(port)],
      {
        cwd: root,
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Emulador Supplier em (\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`saiu com ${code}: ${out}`)));
      });
      expect(url).toBe(`http://127.0.0.1:${port}`);
      const response = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('finconsole-demo:supplier-demo-secret').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
