import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Operator, OperatorRequest } from './operator-role';

/** The caller the admin guard authenticated. */
export const CurrentOperator = createParamDecorator((_data: unknown, context: ExecutionContext): Operator => {
  const operator = context.switchToHttp().getRequest<OperatorRequest>().operator;
  if (!operator) throw new Error('CurrentOperator used on a route without the admin guard');
  return operator;
});
