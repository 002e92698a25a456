import { attribute, complexAttribute } from '../schema';
import { AttributeSelection } from './attribute-selection';
import { projectValue, returnsAttribute } from './returned-rules';

// No User or Group attribute is `returned: request`, so the rule is checked on definitions of its own.
const secretish = attribute('auditTrail', 'string', 'Returned only on request.', { returned: 'request' });
const device = complexAttribute('device', 'Complex with a request-only sub-attribute.', [
  attribute('label', 'string', 'Default.'),
  attribute('firmware', 'string', 'Request only.', { returned: 'request' }),
]);

function selection(whole: string[], subs: Record<string, string[]> = {}): AttributeSelection {
  return { extensions: new Set(), whole: new Set(whole), subs: new Map(Object.entries(subs).map(([key, names]) => [key, new Set(names)])) };
}

describe('returned: request (RFC 7643 §2.2)', () => {
  it('is left out by default and returned when listed in attributes', () => {
    expect(returnsAttribute(secretish, undefined, '', {})).toBe(false);
    expect(returnsAttribute(secretish, undefined, '', { include: selection(['/auditTrail']) })).toBe(true);
    expect(returnsAttribute(secretish, undefined, '', { include: selection(['/userName']) })).toBe(false);
  });

  it('applies to sub-attributes too', () => {
    const value = { label: 'l', firmware: 'f' };
    expect(projectValue(device, '', value, {})).toEqual({ label: 'l' });
    expect(projectValue(device, '', value, { include: selection(['/device']) })).toEqual({ label: 'l' });
    expect(projectValue(device, '', value, { include: selection([], { '/device': ['firmware'] }) })).toEqual({ firmware: 'f' });
  });
});
