import { AttributeDefinition, AttributeType } from './attribute-definition';

type Characteristics = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'description' | 'subAttributes'>>;

/**
 * RFC 7643 §2.2 defaults ("required" false, "caseExact" false, "mutability" readWrite, "returned"
 * default, "uniqueness" none); each definition below only spells out where §8.7 differs.
 */
export function attribute(
  name: string,
  type: AttributeType,
  description: string,
  characteristics: Characteristics = {},
): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...characteristics,
  };
}

export function complexAttribute(
  name: string,
  description: string,
  subAttributes: AttributeDefinition[],
  characteristics: Characteristics = {},
): AttributeDefinition {
  return { ...attribute(name, 'complex', description, characteristics), subAttributes };
}

interface MultiValuedOptions {
  /** Canonical values of the "type" sub-attribute (RFC 7643 §2.4). */
  types?: string[];
  valueType?: AttributeType;
  valueReferenceTypes?: string[];
  /** RFC 7643 §8.7.1 leaves "primary" off some attributes (addresses); callers add it explicitly. */
  withPrimary?: boolean;
}

/** The value/display/type/primary quartet RFC 7643 §2.4 gives multi-valued attributes such as emails. */
export function multiValuedComplexAttribute(
  name: string,
  description: string,
  options: MultiValuedOptions = {},
): AttributeDefinition {
  const valueCharacteristics: Characteristics = options.valueReferenceTypes ? { referenceTypes: options.valueReferenceTypes } : {};
  const typeCharacteristics: Characteristics = options.types ? { canonicalValues: options.types } : {};
  const subAttributes = [
    attribute('value', options.valueType ?? 'string', `The ${name} value.`, valueCharacteristics),
    attribute('display', 'string', 'A human-readable name, primarily used for display purposes.'),
    attribute('type', 'string', `A label indicating the ${name} value's function.`, typeCharacteristics),
  ];
  if (options.withPrimary !== false) {
    subAttributes.push(attribute('primary', 'boolean', `Indicates the primary or preferred ${name} value.`));
  }
  return complexAttribute(name, description, subAttributes, { multiValued: true });
}
