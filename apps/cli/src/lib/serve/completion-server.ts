import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Policy } from '@prompt-aug/plugin-api';
import type { TextTokenizer } from '@prompt-aug/core/model';
import { completePrompts, promptTokenIds } from './complete-prompts.js';
import { completionBody, streamCompletion } from './completion-response.js';
import { chatAsCompletionBody, type ChatTokenizer } from './chat-request.js';
import { chatBody, streamChat } from './chat-response.js';
import { BadRequest, parseCompletionRequest } from './completion-request.js';
import { ClientGone, GenerationQueue, QueueFull } from './generation-queue.js';
import { authorized, BodyTooLarge, readJson, send, sendError } from './http-io.js';
import { DEFAULT_LIMITS, type ServeLimits } from './serve-limits.js';
import { WeightRoutes } from './weight-routes.js';

export interface CompletionServerOptions {
  policy: Policy;
  tokenizer: TextTokenizer;
  /** Default 127.0.0.1: loopback only unless asked. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  modelName: string;
  /** Limits; contextLength defaults to 4096 when the caller does not know the model's. */
  limits?: Partial<ServeLimits>;
  /** Clients must send `Authorization: Bearer <apiKey>` (all routes but /health). */
  apiKey?: string;
}

export interface CompletionServer {
  /** The API root, e.g. `http://127.0.0.1:8000/v1`. */
  url: string;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible server over one Policy that is also a rollout engine: token-id prompts,
 * sampled-token log-probs, vLLM's `return_token_ids`, and the vLLM/SGLang weight-reload routes.
 */
export async function startCompletionServer(options: CompletionServerOptions): Promise<CompletionServer> {
  const { policy, tokenizer, modelName } = options;
  const limits: ServeLimits = { ...DEFAULT_LIMITS, contextLength: 4096, ...options.limits };
  const queue = new GenerationQueue(limits.maxQueue);
  const weights = new WeightRoutes(policy, queue);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/health') return send(res, 200, {});
    if (!authorized(req, options.apiKey)) return sendError(res, 401, 'Missing or wrong API key: send `Authorization: Bearer <key>` with the key given to pa serve --api-key.', 'authentication_error');
    if (method === 'GET' && path === '/v1/models') return send(res, 200, { object: 'list', data: [modelCard(modelName, limits)] });
    if (method === 'GET' && path.startsWith('/v1/models/')) {
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      return id === modelName ? send(res, 200, modelCard(modelName, limits)) : sendError(res, 404, `The model \`${id}\` does not exist; this server serves \`${modelName}\`.`, 'not_found_error');
    }
    const weightAnswer = await weights.handle(method, path, () => readJson(req, limits.maxBodyBytes));
    if (weightAnswer) return send(res, weightAnswer.status, weightAnswer.body);
    if (path === '/v1/completions' || path === '/v1/chat/completions') {
      if (method !== 'POST') return sendError(res, 405, `Use POST for ${path}.`, 'invalid_request_error');
      const chat = path === '/v1/chat/completions';
      const raw = await readJson(req, limits.maxBodyBytes);
      const request = parseCompletionRequest(chat ? chatAsCompletionBody(raw, tokenizer as ChatTokenizer) : raw);
      if (request.model !== undefined && request.model !== modelName) {
        return sendError(res, 404, `The model \`${request.model}\` does not exist; this server serves \`${modelName}\`.`, 'not_found_error');
      }
      if (request.echo && request.logprobs) throw new BadRequest('`echo` with `logprobs` is not supported: this server does not score prompt tokens.');
      const prompts = promptTokenIds(request, tokenizer, policy.info.vocabSize, limits);
      // A client that disconnects cancels its request: dropped if still queued, stopped between tokens if generating.
      const disconnected = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) disconnected.abort(new ClientGone());
      });
      const completions = await queue.run(() => completePrompts(policy, tokenizer, request, prompts, disconnected.signal), () => disconnected.signal.aborted);
      const body = completionBody(request, completions, modelName, tokenizer, weights.version);
      if (chat) return request.stream ? streamChat(res, chatBody(body)) : send(res, 200, chatBody(body));
      return request.stream ? streamCompletion(res, body) : send(res, 200, body);
    }
    return sendError(res, 404, `No route ${method} ${path}; this server has GET /v1/models, POST /v1/completions, POST /v1/chat/completions, GET /health and the weight-reload routes.`, 'not_found_error');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ClientGone) return;
      if (error instanceof BadRequest) return sendError(res, 400, error.message, 'invalid_request_error');
      if (error instanceof BodyTooLarge) {
        sendError(res, 413, error.message, 'invalid_request_error', { connection: 'close' });
        return void req.destroy();
      }
      if (error instanceof QueueFull) return sendError(res, 429, `The server is busy (${error.message}); retry after a second.`, 'rate_limit_error', { 'retry-after': '1' });
      sendError(res, 500, `Generation failed: ${(error as Error).message}`, 'server_error');
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
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

function modelCard(id: string, limits: ServeLimits) {
  return { id, object: 'model', created: 0, owned_by: 'prompt-aug', max_model_len: limits.contextLength };
}
