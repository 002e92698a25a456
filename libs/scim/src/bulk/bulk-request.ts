import { AppError } from '@provisio/observability';
import { BULK_REQUEST_SCHEMA } from '../http/scim-media-type';
import { isJsonObject } from '../resource-model/json-value';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BulkOperation {
  index: number;
  method: BulkMethod;
  bulkId?: string;
  /** If-Match for this operation (RFC 7644 §3.7: "version"). */
  version?: string;
  path: string;
  data?: unknown;
}

export interface BulkRequest {
  failOnErrors?: number;
  operations: BulkOperation[];
}

export class BulkTooLargeError extends AppError {
  constructor(count: number, max: number) {
    super(413, `The bulk request has ${count} operations; at most ${max} are accepted (bulk.maxOperations)`);
  }
}

/**
 * Reads a BulkRequest (RFC 7644 §3.7). More operations than maxOperations is 413 for the whole
 * request (§3.7.4); the payload size is capped by the body parser (maxPayloadSize, also 413).
 * A malformed operation fails on its own, in the response; a malformed envelope is 400.
 */
export function readBulkRequest(body: unknown, maxOperations: number): BulkRequest {
  if (!isJsonObject(body)) throw new AppError(400, 'The request body must be a BulkRequest object', 'invalidSyntax');
  const member = (name: string) => body[Object.keys(body).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name];
  const schemas = member('schemas');
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === BULK_REQUEST_SCHEMA.toLowerCase())) {
    throw new AppError(400, `schemas must contain ${BULK_REQUEST_SCHEMA}`, 'invalidSyntax');
  }
  const operations = member('Operations');
  if (!Array.isArray(operations)) throw new AppError(400, 'Operations must be an array', 'invalidSyntax');
  if (operations.length > maxOperations) throw new BulkTooLargeError(operations.length, maxOperations);
  const failOnErrors = member('failOnErrors');
  if (failOnErrors !== undefined && failOnErrors !== null && !(Number.isInteger(failOnErrors) && (failOnErrors as number) >= 1)) {
    throw new AppError(400, 'failOnErrors must be a positive integer', 'invalidValue');
  }
  return {
    failOnErrors: typeof failOnErrors === 'number' ? failOnErrors : undefined,
    operations: operations.map((raw, index) => readOperation(raw, index)),
  };
}

function readOperation(raw: unknown, index: number): BulkOperation {
  const source = isJsonObject(raw) ? raw : {};
  const get = (name: string) => source[Object.keys(source).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name];
  const method = typeof get('method') === 'string' ? (get('method') as string).toUpperCase() : '';
  const operation: BulkOperation = {
    index,
    method: method as BulkMethod,
    path: typeof get('path') === 'string' ? (get('path') as string) : '',
    data: get('data'),
  };
  const bulkId = get('bulkId');
  if (typeof bulkId === 'string') operation.bulkId = bulkId;
  const version = get('version');
  if (typeof version === 'string') operation.version = version;
  return operation;
}
