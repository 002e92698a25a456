import { AttributeDefinition } from '../schema';
import { invalidValue } from './scim-validation-error';
import { unstorableText } from './storable-text';

// xsd:dateTime (RFC 7643 §2.3.5): date, "T", time with optional fraction, optional zone.
const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}$/;

/**
 * A string, boolean, number, dateTime, reference or binary value checked against its type
 * (RFC 7643 §2.3); undefined for "" (unassigned). Values are kept exactly as sent.
 */
export function coerceSimpleValue(attribute: AttributeDefinition, raw: unknown, label: string): unknown {
  switch (attribute.type) {
    case 'boolean':
      return coerceBoolean(raw, label);
    case 'integer':
      if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
      throw invalidValue(`${label} must be an integer`);
    case 'decimal':
      if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
      throw invalidValue(`${label} must be a number`);
    case 'dateTime':
      return checkedString(raw, label, 'an xsd:dateTime string', isDateTime);
    case 'binary':
      return checkedString(raw, label, 'a base64 string', (s) => BASE64.test(s));
    default:
      return checkedString(raw, label, 'a string', () => true);
  }
}

/**
 * Entra without the aadOptscim062020 flag sends "True"/"False" for booleans (MS-KI; the MS Postman
 * collection POSTs "active": "True"). Exactly those two words, in any case, are accepted.
 */
function coerceBoolean(raw: unknown, label: string): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === '') return undefined;
  if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  throw invalidValue(`${label} must be a boolean`);
}

function checkedString(raw: unknown, label: string, kind: string, valid: (s: string) => boolean): string | undefined {
  if (raw === '') return undefined;
  if (typeof raw !== 'string' || !valid(raw)) throw invalidValue(`${label} must be ${kind}`);
  const unstorable = unstorableText(raw);
  if (unstorable) throw invalidValue(`${label} must not contain ${unstorable}`);
  return raw;
}

function isDateTime(value: string): boolean {
  return XSD_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
