// A minimal WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/): commands over one
// WebSocket, answered by id; events kept for `waitForEvent`. Stock Firefox speaks BiDi natively,
// so driving it needs no patched build and no dependency. Node 20 has WebSocket only behind
// `--experimental-websocket` (set for the e2e workers in test/e2e/vitest.config.ts).

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface BiDiEvent {
  method: string;
  params: Record<string, unknown>;
}

export class BiDi {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: BiDiEvent) => void>();
  private closedBecause: string | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (message) => this.receive(String(message.data)));
    socket.addEventListener('close', () => this.fail('the BiDi connection closed'));
    socket.addEventListener('error', () => this.fail('the BiDi connection failed'));
  }

  static connect(url: string, timeoutMs = 30_000): Promise<BiDi> {
    if (typeof globalThis.WebSocket !== 'function') {
      throw new Error('No global WebSocket: run Node 20 with --experimental-websocket (test/e2e/vitest.config.ts sets it), or Node 22+');
    }
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error(`no BiDi connection to ${url} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.addEventListener(
        'open',
        () => {
          clearTimeout(timer);
          resolve(new BiDi(socket));
        },
        { once: true },
      );
      socket.addEventListener(
        'error',
        () => {
          clearTimeout(timer);
          reject(new Error(`cannot connect to ${url}`));
        },
        { once: true },
      );
    });
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, timeoutMs = 60_000): Promise<T> {
    if (this.closedBecause) return Promise.reject(new Error(`${method}: ${this.closedBecause}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The first event `method` that `matches`, from now on. */
  waitForEvent(method: string, matches: (params: Record<string, unknown>) => boolean = () => true, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const listener = (event: BiDiEvent) => {
        if (event.method !== method || !matches(event.params)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(event.params);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  close(): void {
    this.fail('the BiDi connection was closed');
    this.socket.close();
  }

  private receive(data: string) {
    const message = JSON.parse(data) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.type === 'event' && message.method) {
      for (const listener of Array.from(this.listeners)) listener({ method: message.method, params: message.params ?? {} });
      return;
    }
    const pending = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!pending || message.id === undefined) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.type === 'success') pending.resolve(message.result);
    else pending.reject(new Error(`${pending.method}: ${message.error ?? 'error'}: ${message.message ?? data}`));
  }

  private fail(reason: string) {
    this.closedBecause ??= reason;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`${pending.method}: ${reason}`));
      this.pending.delete(id);
    }
  }
}
