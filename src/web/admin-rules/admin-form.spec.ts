import { commaList, listOf, numberOf, problemsByPlace, textOf } from './admin-form.js';

describe('admin form fields', () => {
  it('reads single and repeated fields as urlencoded forms post them', () => {
    const form = { one: ' a ', twice: ['x', ' ', 'y'], none: undefined };
    expect(textOf(form, 'one')).toBe('a');
    expect(textOf(form, 'twice')).toBe('x');
    expect(textOf(form, 'missing')).toBe('');
    expect(listOf(form, 'twice')).toEqual(['x', 'y']);
    expect(listOf(form, 'one')).toEqual(['a']);
    expect(listOf(form, 'none')).toEqual([]);
  });

  it('splits comma lists and reads numbers, blank staying unset', () => {
    expect(commaList(' a, ,b ,')).toEqual(['a', 'b']);
    expect(numberOf('')).toBeUndefined();
    expect(numberOf('12')).toBe(12);
    expect(numberOf('abc')).toBeNaN();
  });

  it('keeps the first reason for each place', () => {
    expect(
      problemsByPlace(
        [
          { field: 'a.1', reason: 'first' },
          { field: 'a.2', reason: 'second' },
          { field: 'b', reason: 'other' },
        ],
        (field) => field.split('.')[0],
      ),
    ).toEqual({ a: 'first', b: 'other' });
  });
});
