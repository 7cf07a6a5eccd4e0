import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Policy } from '@prompt-aug/plugin-api';
import type { TextTokenizer } from '@prompt-aug/core/model';
import { completePrompts } from './complete-prompts.js';
import { BadRequest, parseCompletionRequest } from './completion-request.js';

export interface CompletionServerOptions {
  policy: Policy;
  tokenizer: TextTokenizer;
  /** Default 127.0.0.1: loopback only unless asked. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  modelName: string;
}

export interface CompletionServer {
  /** The API root, e.g. `http://127.0.0.1:8000/v1`. */
  url: string;
  close(): Promise<void>;
}

/** Bodies larger than this are refused; prompts are text, 16 MB is far beyond any context. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** An OpenAI-compatible server (`GET /v1/models`, `POST /v1/completions`) over one Policy. */
export async function startCompletionServer(options: CompletionServerOptions): Promise<CompletionServer> {
  const { policy, tokenizer, modelName } = options;
  // The Policy runs one generate at a time; concurrent requests queue here, each still one batch.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
    if (req.method === 'GET' && path === '/v1/models') {
      return send(res, 200, { object: 'list', data: [{ id: modelName, object: 'model', created: 0, owned_by: 'prompt-aug' }] });
    }
    if (path === '/v1/completions') {
      if (req.method !== 'POST') return sendError(res, 405, `Use POST for ${path}.`, 'invalid_request_error');
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (error) {
        return sendError(res, error instanceof BadRequest ? 413 : 400, error instanceof BadRequest ? error.message : 'The request body is not valid JSON.', 'invalid_request_error');
      }
      const request = parseCompletionRequest(body);
      if (request.model !== undefined && request.model !== modelName) {
        return sendError(res, 404, `The model \`${request.model}\` does not exist; this server serves \`${modelName}\`.`, 'not_found_error');
      }
      const completions = await serialized(() => completePrompts(policy, tokenizer, request));
      const promptTokens = completions.filter((_, i) => i % request.n === 0).reduce((s, c) => s + c.promptTokens, 0);
      const completionTokens = completions.reduce((s, c) => s + c.completionTokens, 0);
      return send(res, 200, {
        id: `cmpl-${randomUUID()}`,
        object: 'text_completion',
        created: Math.floor(Date.now() / 1000),
        model: modelName,
        choices: completions.map((c, index) => ({ index, text: c.text, logprobs: null, finish_reason: c.finishReason })),
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      });
    }
    return sendError(res, 404, `No route ${req.method} ${path}; this server has GET /v1/models and POST /v1/completions.`, 'not_found_error');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BadRequest) sendError(res, 400, error.message, 'invalid_request_error');
      else sendError(res, 500, `Generation failed: ${(error as Error).message}`, 'server_error');
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest(`The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string, type: string): void {
  send(res, status, { error: { message, type, code: null } });
}
