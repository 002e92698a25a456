import { AppError } from '@provisio/observability';
import { PagingLimits } from './paging-limits';

export type SortOrder = 'ascending' | 'descending';

/** A list or .search request after RFC 7644 §3.4.2 defaults and bounds are applied. */
export interface ListRequest {
  filter?: string;
  sortBy?: string;
  sortOrder: SortOrder;
  /** Index paging (RFC 7644 §3.4.2.4): 1-based. */
  startIndex: number;
  count: number;
  /** Cursor paging (RFC 9865 §2): '' asks for the first page, undefined means index paging. */
  cursor?: string;
  /** Seals and opens cursors (cursor-codec.ts). */
  cursorKey: Buffer;
}

export class InvalidListParameterError extends AppError {
  constructor(detail: string, scimType = 'invalidValue') {
    super(400, detail, scimType);
  }
}

/**
 * Reads the query parameters (GET) or SearchRequest members (POST .search, RFC 7644 §3.4.3).
 * startIndex < 1 is read as 1 and a negative count as 0 (§3.4.2.4); count above the maximum is
 * capped, which §3.4.2.4 allows ("fewer results than requested"). startIndex and cursor together
 * are ambiguous: 400 (RFC 9865 §2).
 */
export function readListRequest(source: Record<string, unknown>, limits: PagingLimits): ListRequest {
  const filter = text(source.filter, 'filter');
  const sortBy = text(source.sortBy, 'sortBy');
  const startIndex = integer(source.startIndex, 'startIndex');
  const count = integer(source.count, 'count');
  const cursor = source.cursor === undefined ? undefined : text(source.cursor, 'cursor') ?? '';
  if (cursor !== undefined && startIndex !== undefined) {
    throw new InvalidListParameterError('Use either cursor or startIndex paging, not both (RFC 9865)');
  }
  const request: ListRequest = {
    sortOrder: sortOrder(source.sortOrder),
    startIndex: Math.max(1, startIndex ?? 1),
    count: Math.min(Math.max(0, count ?? limits.defaultPageSize), limits.maxPageSize),
    cursorKey: limits.cursorKey,
  };
  if (filter !== undefined && filter.trim() !== '') request.filter = filter;
  if (sortBy !== undefined && sortBy.trim() !== '') request.sortBy = sortBy.trim();
  if (cursor !== undefined) request.cursor = cursor;
  return request;
}

function text(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) throw new InvalidListParameterError(`${name} is given more than once`);
  if (typeof raw !== 'string') throw new InvalidListParameterError(`${name} must be a string`);
  return raw;
}

function integer(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw new InvalidListParameterError(`${name} must be an integer`);
  return value;
}

function sortOrder(raw: unknown): SortOrder {
  if (raw === undefined || raw === null || raw === '') return 'ascending';
  if (typeof raw === 'string' && /^ascending$/i.test(raw)) return 'ascending';
  if (typeof raw === 'string' && /^descending$/i.test(raw)) return 'descending';
  throw new InvalidListParameterError('sortOrder must be "ascending" or "descending"');
}
