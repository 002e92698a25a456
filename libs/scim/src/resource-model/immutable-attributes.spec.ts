import { attribute, complexAttribute } from '../schema';
import { assertImmutableKept, guardsImmutables, keepImmutables } from './immutable-attributes';
import { ScimValidationError } from './scim-validation-error';

// No User attribute is immutable and Group members are handled as membership changes, so these
// rules are exercised with definitions of their own.
const badge = attribute('badge', 'string', 'An immutable test attribute.', { mutability: 'immutable' });
const device = complexAttribute('device', 'A complex test attribute.', [
  attribute('serial', 'string', 'Immutable serial.', { mutability: 'immutable' }),
  attribute('label', 'string', 'Mutable label.'),
]);
const attributes = [badge, device];

describe('immutable attributes', () => {
  describe('keepImmutables (PUT)', () => {
    it('accepts the same value and a first value', () => {
      const after = { badge: 'b1', device: { serial: 's1', label: 'new' } };
      keepImmutables(after, { badge: 'b1', device: { serial: 's1', label: 'old' } }, attributes);
      expect(after).toEqual({ badge: 'b1', device: { serial: 's1', label: 'new' } });
      expect(() => keepImmutables({ badge: 'b2' }, {}, attributes)).not.toThrow();
    });

    it('keeps a value the body omits', () => {
      const after = { device: { label: 'x' } };
      keepImmutables(after, { badge: 'b1', device: { serial: 's1' } }, attributes);
      expect(after).toEqual({ badge: 'b1', device: { label: 'x', serial: 's1' } });
    });

    it.each([
      [{ badge: 'b2' }, { badge: 'b1' }],
      [{ device: { serial: 's2' } }, { device: { serial: 's1' } }],
    ])('rejects a changed value with mutability: %p', (after, before) => {
      expect(() => keepImmutables(after, before, attributes)).toThrow(expect.objectContaining({ scimType: 'mutability' }));
    });
  });

  describe('assertImmutableKept (PATCH)', () => {
    it('allows adding a first value and re-setting the same one', () => {
      expect(() => assertImmutableKept(badge, undefined, 'b1', 'badge')).not.toThrow();
      expect(() => assertImmutableKept(badge, 'b1', 'b1', 'badge')).not.toThrow();
      expect(() => assertImmutableKept(device, { serial: 's1' }, { serial: 's1', label: 'x' }, 'device')).not.toThrow();
    });

    it.each([
      [badge, 'b1', 'b2'],
      [badge, 'b1', undefined],
      [device, { serial: 's1' }, { serial: 's2' }],
      [device, { serial: 's1' }, undefined],
    ])('rejects changing or removing a set value', (definition, before, after) => {
      expect(() => assertImmutableKept(definition, before, after, definition.name)).toThrow(ScimValidationError);
    });

    it('only asks for the previous value when something is immutable', () => {
      expect(guardsImmutables(badge)).toBe(true);
      expect(guardsImmutables(device)).toBe(true);
      expect(guardsImmutables(attribute('title', 'string', 'Mutable.'))).toBe(false);
    });
  });
});
