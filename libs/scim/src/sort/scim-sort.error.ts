import { AppError } from '@provisio/observability';

/** A sortBy or sortOrder the service provider cannot honour: 400 invalidValue (RFC 7644 §3.12). */
export class ScimSortError extends AppError {
  constructor(detail: string) {
    super(400, detail, 'invalidValue');
  }
}
