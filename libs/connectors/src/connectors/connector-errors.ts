import { NotFoundError } from '@provisio/observability';

export class ConnectorNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Connector ${id} not found`);
  }
}
