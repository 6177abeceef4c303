import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { PHONE_METADATA } from './phone-metadata.js';

describe('PHONE_METADATA', () => {
  it('is the Lithuanian and Russian part of the installed libphonenumber-js metadata', () => {
    // Regenerate it from metadata.min.json (the same filter as here) when this fails after an upgrade.
    expect(PHONE_METADATA).toEqual({
      version: metadata.version,
      country_calling_codes: { '7': ['RU'], '370': ['LT'] },
      countries: { RU: metadata.countries.RU, LT: metadata.countries.LT },
      nonGeographic: {},
    });
  });
});
