import type { HttpHeader, NetworkRecord, TabLog } from '../messages/tab-log';

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), for the tracking requests only. What
// webRequest cannot see (response bodies, exact timings) is marked unknown the way HAR says: -1.

interface HarNameValue {
  name: string;
  value: string;
}

interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; params?: HarNameValue[] };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; comment: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: -1;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: { startedDateTime: string; id: string; title: string; pageTimings: Record<string, never> }[];
    entries: HarEntry[];
  };
}

const pageId = (page: number) => `page_${page}`;
const iso = (epochMs: number) => new Date(epochMs).toISOString();

function header(headers: HttpHeader[] | undefined, name: string): string | undefined {
  return headers?.find((h) => h.name.toLowerCase() === name)?.value;
}

function httpVersion(statusLine: string | undefined): string {
  return /^(HTTP\/[\d.]+)/.exec(statusLine ?? '')?.[1] ?? '';
}

function statusText(statusLine: string | undefined): string {
  return /^HTTP\/[\d.]+ \d+ ?(.*)$/.exec(statusLine ?? '')?.[1] ?? '';
}

function postData(request: NetworkRecord): HarEntry['request']['postData'] {
  const body = request.body;
  if (!body) return undefined;
  if (body.kind === 'form') {
    const params = body.fields.map(([name, value]) => ({ name, value }));
    return {
      mimeType: header(request.requestHeaders, 'content-type') ?? 'application/x-www-form-urlencoded',
      params,
      text: new URLSearchParams(body.fields).toString(),
    };
  }
  return { mimeType: header(request.requestHeaders, 'content-type') ?? '', text: body.text };
}

function toEntry(request: NetworkRecord): HarEntry {
  const url = new URL(request.url);
  const post = postData(request);
  const version = httpVersion(request.statusLine);
  return {
    pageref: pageId(request.page),
    startedDateTime: iso(request.at),
    time: request.ms ?? 0,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: version,
      cookies: [],
      headers: request.requestHeaders ?? [],
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(post && { postData: post }),
      headersSize: -1,
      bodySize: post ? new TextEncoder().encode(post.text).length : 0,
    },
    response: {
      status: request.status ?? 0,
      statusText: statusText(request.statusLine),
      httpVersion: version,
      cookies: [],
      headers: request.responseHeaders ?? [],
      content: {
        size: 0,
        mimeType: header(request.responseHeaders, 'content-type') ?? '',
        comment: 'webRequest does not expose response bodies',
      },
      redirectURL: header(request.responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: request.ms ?? 0, receive: 0 },
    ...(request.error && { comment: `failed: ${request.error}` }),
  };
}

export function toHar(log: TabLog, creatorVersion: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'LeadTrail Inspector', version: creatorVersion },
      pages: log.pages.map((page) => ({ startedDateTime: iso(page.at), id: pageId(page.page), title: page.url, pageTimings: {} })),
      entries: log.requests.map(toEntry),
    },
  };
}
