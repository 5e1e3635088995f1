import type { WebRequest } from 'webextension-polyfill';
import type { HttpHeader } from '../messages/tab-log';
import { TRACKED_URL_PATTERNS, isTrackedUrl } from '../providers';
import type { CaptureStore } from './capture-store';
import { readRequestBody } from './read-request-body';

type WebRequestEvents = Pick<WebRequest.Static, 'onBeforeRequest' | 'onSendHeaders' | 'onCompleted' | 'onErrorOccurred'>;

const headers = (list: WebRequest.HttpHeaders | undefined): HttpHeader[] | undefined =>
  list?.map((header) => ({ name: header.name, value: header.value ?? '' }));

/**
 * Records the tabs' requests to tracking endpoints (every provider's), as the browser sends them:
 * body, headers, then status or error. Requests not made by a tab (tabId -1) are not the page's.
 */
export function captureTrackingTraffic(webRequest: WebRequestEvents, store: CaptureStore): void {
  const filter = { urls: TRACKED_URL_PATTERNS };
  const ours = (details: { tabId: number; url: string }) => details.tabId >= 0 && isTrackedUrl(details.url);
  // Start times by request, for durations; lost if the background restarts mid-request.
  const startedAt = new Map<string, number>();

  webRequest.onBeforeRequest.addListener(
    (details) => {
      if (!ours(details)) return;
      startedAt.set(details.requestId, details.timeStamp);
      const body = readRequestBody(details.requestBody);
      void store.recordRequest(
        details.tabId,
        {
          id: details.requestId,
          at: details.timeStamp,
          method: details.method,
          url: details.url,
          type: details.type,
          ...(body && { body }),
        },
        details.documentUrl ?? details.originUrl ?? '',
      );
    },
    filter,
    ['requestBody'],
  );

  webRequest.onSendHeaders.addListener(
    (details) => {
      if (!ours(details)) return;
      const requestHeaders = headers(details.requestHeaders);
      if (requestHeaders) void store.updateRequest(details.tabId, details.requestId, { requestHeaders });
    },
    filter,
    ['requestHeaders'],
  );

  const finish = (details: { tabId: number; url: string; requestId: string; timeStamp: number }) => {
    const started = startedAt.get(details.requestId);
    startedAt.delete(details.requestId);
    return started === undefined ? {} : { ms: details.timeStamp - started };
  };

  webRequest.onCompleted.addListener(
    (details) => {
      if (!ours(details)) return;
      const responseHeaders = headers(details.responseHeaders);
      void store.updateRequest(details.tabId, details.requestId, {
        status: details.statusCode,
        statusLine: details.statusLine,
        ...(responseHeaders && { responseHeaders }),
        ...finish(details),
      });
    },
    filter,
    ['responseHeaders'],
  );

  webRequest.onErrorOccurred.addListener((details) => {
    if (!ours(details)) return;
    void store.updateRequest(details.tabId, details.requestId, { error: details.error, ...finish(details) });
  }, filter);
}
