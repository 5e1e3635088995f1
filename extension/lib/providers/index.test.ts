import { describe, expect, it } from 'vitest';
import { networkRecord } from '../../testing/network-record';
import { TRACKED_URL_PATTERNS, decodeRequest, isTrackedUrl } from './index';

describe('the provider registry', () => {
  it('gives LeadTrail its own routes before the vendor paths they end with', () => {
    expect(decodeRequest(networkRecord('https://shop.example/wp-json/leadtrail/v1/api/add_offline_message/'))?.provider).toBe('LeadTrail');
    expect(decodeRequest(networkRecord('https://server.comagic.ru/api/add_offline_message/'))?.provider).toBe('CoMagic');
  });

  it('tracks only what a provider claims, and leaves bad URLs alone', () => {
    expect(isTrackedUrl('https://tracker.comagic.ru/vc/s/')).toBe(true);
    expect(isTrackedUrl('https://cdn.example/app.js')).toBe(false);
    expect(isTrackedUrl('not a url')).toBe(false);
    expect(decodeRequest(networkRecord('https://cdn.example/app.js'))).toBeUndefined();
  });

  it('hands webRequest valid match patterns', () => {
    for (const pattern of TRACKED_URL_PATTERNS) expect(pattern).toMatch(/^\*:\/\/(\*|\*\.[a-z.]+)\/.*$/);
  });
});
