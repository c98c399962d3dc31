/**
 * What the layer catalog does with feature property values: it prints them as text,
 * and only an http(s) URL becomes a link.
 */
import { describe, expect, it } from 'vitest';
import { propertyCell } from '../../src/geo/catalog.ts';

describe('propertyCell', () => {
  it('makes an http or https URL a link', () => {
    expect(propertyCell('https://www.geonames.org/1234')).toEqual({
      text: 'https://www.geonames.org/1234',
      href: 'https://www.geonames.org/1234',
    });
    expect(propertyCell('HTTP://example.org/a b')).toEqual({ text: 'HTTP://example.org/a b', href: 'http://example.org/a%20b' });
  });

  it('keeps javascript:, data:, protocol-relative and markup values as plain text without a link', () => {
    for (const value of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/x',
      '<img src=x onerror=alert(1)>',
      'https//not-a-url',
      'https://',
    ]) {
      expect(propertyCell(value)).toEqual({ text: value });
    }
  });

  it('writes numbers, booleans and timelines as their JSON text', () => {
    expect(propertyCell(12.5)).toEqual({ text: '12.5' });
    expect(propertyCell(true)).toEqual({ text: 'true' });
    expect(propertyCell([{ from: '2024-10-22', status: 'closed' }])).toEqual({ text: '[{"from":"2024-10-22","status":"closed"}]' });
  });
});
