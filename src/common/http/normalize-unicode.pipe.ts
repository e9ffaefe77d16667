import { Injectable, type PipeTransform } from '@nestjs/common';
import { normalizeText } from '../text/search-text.js';

function normalizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeDeep(item)]));
  }
  return value;
}

/**
 * Every text that enters through the API is stored in Unicode NFC. Vietnamese arrives in both forms
 * (macOS and some keyboards send NFD), and mixed forms break equality, unique keys and search.
 */
@Injectable()
export class NormalizeUnicodePipe implements PipeTransform {
  transform(value: unknown): unknown {
    return normalizeDeep(value);
  }
}
