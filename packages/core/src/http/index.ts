export { createHttpClient } from './client.js';
export { HttpError, type HttpFailureReason, isHttpError } from './errors.js';
export type { RecordedResponse } from './recorder.js';
export { isSensitiveParam, Redactor } from './redact.js';
export type {
  HttpAuth,
  HttpClient,
  HttpClientOptions,
  RequestOptions,
  RetryInfo,
} from './types.js';
