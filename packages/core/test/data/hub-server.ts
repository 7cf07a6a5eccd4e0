import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny local stand-in for the Hub's `resolve` endpoint (the real Hub is unreachable from
 * the test machine), speaking the same HTTP: a `Range: bytes=0-0` probe answered 206 with
 * Content-Range and ETag headers, then the full body; 404 + X-Error-Code for missing files.
 */
export interface HubFile {
  body: Uint8Array;
  /** ETag to report; default the sha256 of body, as the Hub does for LFS files. */
  etag?: string;
  status?: number;
}

export interface LocalHub {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startLocalHub(files: Record<string, HubFile>): Promise<LocalHub> {
  const requests: LocalHub['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push({ path, headers: request.headers });
    const file = files[path];
    if (!file) {
      response.writeHead(404, { 'X-Error-Code': 'EntryNotFound', 'Content-Type': 'text/plain' }).end('Entry not found');
      return;
    }
    if (file.status) {
      response.writeHead(file.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Access denied' }));
      return;
    }
    const etag = `"${file.etag ?? createHash('sha256').update(file.body).digest('hex')}"`;
    if (request.headers.range === 'bytes=0-0') {
      response.writeHead(206, { 'Content-Range': `bytes 0-0/${file.body.byteLength}`, 'X-Linked-Etag': etag, ETag: etag, 'Content-Length': '1' });
      response.end(file.body.subarray(0, 1));
      return;
    }
    response.writeHead(200, { ETag: etag, 'Content-Length': String(file.body.byteLength) }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
