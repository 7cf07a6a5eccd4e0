/**
 * A loopback HTTP server that answers like an inference engine from a script. vLLM and SGLang
 * cannot run here, so the pool's routing and failure handling are exercised against this;
 * the wire format it answers with is the fixtures' (written from the engines' docs), and the
 * end-to-end tests run the same client against real `pa serve` processes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  body: any;
}

export type Handler = (request: SeenRequest, res: ServerResponse, req: IncomingMessage) => void | Promise<void>;

export interface ScriptedEngine {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Stop listening and cut every open connection (as a killed process would). */
  kill(): Promise<void>;
}

export async function startScriptedEngine(handler: Handler, port = 0): Promise<ScriptedEngine> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', body: text ? JSON.parse(text) : undefined };
      seen.push(request);
      void Promise.resolve()
        .then(() => handler(request, res, req))
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    seen,
    kill: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/**
 * A vLLM-shaped completion for a token-id prompt: choice k of a prompt [a, …, z] is the tokens
 * [z + k + 1, EOS], so a test can tell from the answer which prompt and which choice it was.
 */
export function echoCompletion(body: { prompt: number[]; n: number; logprobs?: number }, eos = 2): unknown {
  const last = body.prompt.at(-1)!;
  return {
    id: 'cmpl-test',
    object: 'text_completion',
    model: 'tiny',
    choices: Array.from({ length: body.n }, (_, k) => ({
      index: k,
      text: '',
      logprobs: body.logprobs === 0 ? { token_logprobs: [-(k + 1) / 4, -0.5], tokens: ['x', 'y'], top_logprobs: null, text_offset: [0, 1] } : null,
      finish_reason: 'stop',
      stop_reason: null,
      token_ids: [last + k + 1, eos],
    })),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
