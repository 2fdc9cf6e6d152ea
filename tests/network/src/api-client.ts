// A tiny typed client of the gateway API for the network tests: JSON requests with a person's
// access token (or an API key), log-in, and assertions on status and error code that say what
// the API answered when they fail.
export interface ApiAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/** What a write answers: the committed transaction's id and the ledger's result. */
export interface Committed<T = Record<string, unknown>> {
  readonly transactionId: string;
  readonly result: T;
}

export interface SignedInUser {
  readonly userId: string;
  readonly companyId: string;
  readonly mspId: string;
  readonly role: string;
  readonly email: string;
  readonly name: string;
}

export interface LoginAnswer {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly user: SignedInUser;
}

export type Credential = { readonly token: string } | { readonly apiKey: string } | undefined;

export class ApiClient {
  constructor(
    readonly base: string,
    readonly credential?: Credential,
  ) {}

  /** A client for the same API acting with another credential (or anonymously). */
  as(credential: Credential): ApiClient {
    return new ApiClient(this.base, credential);
  }

  /** Sends `body` as JSON (a string is sent verbatim, for malformed input); never throws on an HTTP status. */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<ApiAnswer<T>> {
    const init: RequestInit = { method, headers: { ...this.#headers(body !== undefined), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${this.base}${path}`, init);
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
    return { status: response.status, body: (json ? JSON.parse(text) : text) as T, headers: response.headers };
  }

  #headers(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (withBody) headers['content-type'] = 'application/json';
    if (this.credential && 'token' in this.credential) headers.authorization = `Bearer ${this.credential.token}`;
    if (this.credential && 'apiKey' in this.credential) headers['x-api-key'] = this.credential.apiKey;
    return headers;
  }

  /** The body of an answer with exactly `status`; otherwise throws with what the API said. */
  async expect<T = Record<string, unknown>>(
    status: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
  ): Promise<T> {
    const answer = await this.request<T>(method, path, body, headers);
    if (answer.status !== status) {
      throw new Error(
        `${method} ${path}: expected ${String(status)}, got ${String(answer.status)}: ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body;
  }

  get<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.expect<T>(200, 'GET', path);
  }

  /** A write that must commit: 200, or 201 when `created`. */
  write<T = Record<string, unknown>>(method: 'POST' | 'PUT', path: string, body: unknown, created = false) {
    return this.expect<Committed<T>>(created ? 201 : 200, method, path, body);
  }

  /** An error answer with this status and code; returns its body. */
  async expectError(
    status: number,
    code: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
  ): Promise<ApiErrorBody> {
    const answer = await this.request<ApiErrorBody>(method, path, body, headers);
    if (answer.status !== status || answer.body.code !== code) {
      throw new Error(
        `${method} ${path}: expected ${String(status)} ${code}, got ${String(answer.status)}: ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body;
  }

  /** Logs in with e-mail and password; the answer's client acts as that person. */
  async login(email: string, password: string): Promise<{ client: ApiClient; login: LoginAnswer }> {
    const login = await this.as(undefined).expect<LoginAnswer>(200, 'POST', '/auth/login', { email, password });
    return { client: this.as({ token: login.accessToken }), login };
  }
}
