// A local HTTP server that speaks the two Hub endpoints @huggingface/hub uses for downloads
// (tree listing and resolve with Range), serving a folder. The Hub itself is unreachable here;
// this exercises our real download code through the real client library.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FakeHub {
  url: string;
  /** Paths fetched in full through /resolve/ (the 1-byte probes are not counted). */
  downloads: string[];
  /** Override the sha256 the listing reports for a file (to simulate corruption). */
  lieAboutSha: Map<string, string>;
  close(): Promise<void>;
}

export async function startFakeHub(repo: string, folder: string): Promise<FakeHub> {
  const files = new Map<string, Buffer>();
  for (const name of await readdir(folder)) files.set(name, await readFile(join(folder, name)));
  const downloads: string[] = [];
  const lieAboutSha = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === `/api/models/${repo}/tree/main`) {
      const listing = [...files].map(([path, content]) => {
        const gitOid = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
        const entry: Record<string, unknown> = { type: 'file', path, size: content.length, oid: gitOid };
        if (path.endsWith('.safetensors')) {
          entry.lfs = { oid: lieAboutSha.get(path) ?? createHash('sha256').update(content).digest('hex'), size: content.length, pointerSize: 134 };
        }
        return entry;
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listing));
      return;
    }
    const prefix = `/${repo}/resolve/main/`;
    const content = url.pathname.startsWith(prefix) ? files.get(url.pathname.slice(prefix.length)) : undefined;
    if (!content) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-error-code': 'RepoNotFound' }).end(JSON.stringify({ error: 'Repository not found' }));
      return;
    }
    const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    const etag = `"${createHash('sha1').update(content).digest('hex')}"`;
    if (range) {
      const [start, end] = [Number(range[1]), Math.min(Number(range[2]), content.length - 1)];
      res.writeHead(206, { etag, 'content-range': `bytes ${start}-${end}/${content.length}` }).end(content.subarray(start, end + 1));
      if (!(start === 0 && end === 0)) downloads.push(url.pathname.slice(prefix.length));
      return;
    }
    downloads.push(url.pathname.slice(prefix.length));
    res.writeHead(200, { etag, 'content-length': content.length }).end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    downloads,
    lieAboutSha,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
