// Messages between contexts: only exact known shapes from our own extension pages are accepted.
import { describe, expect, it } from 'vitest';
import { isBookmarkProgress, isTrustedSender, parseRequest } from '../../extension/lib/messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('parseRequest', () => {
  it('accepts the known shapes', () => {
    expect(parseRequest({ type: 'bookmark' })).toEqual({ type: 'bookmark' });
    expect(parseRequest({ type: 'bookmark', tabId: 7 })).toEqual({ type: 'bookmark', tabId: 7 });
    expect(parseRequest({ type: 'curate', site: 'a.example', decision: 'include', tags: ['x'], notes: '' })).toEqual({
      type: 'curate',
      site: 'a.example',
      decision: 'include',
      tags: ['x'],
      notes: '',
    });
    expect(parseRequest({ type: 'candidates-changed' })).toEqual({ type: 'candidates-changed' });
    expect(parseRequest({ type: 'candidates-changed', sites: ['a.example'] })).toEqual({ type: 'candidates-changed', sites: ['a.example'] });
    expect(parseRequest({ type: 'bookmark', tabId: 7, requestId: 'a-1_B', waitMs: 1500 })).toEqual({ type: 'bookmark', tabId: 7, requestId: 'a-1_B', waitMs: 1500 });
    expect(parseRequest({ type: 'cancel-bookmark', requestId: 'r1' })).toEqual({ type: 'cancel-bookmark', requestId: 'r1' });
    expect(parseRequest({ type: 'remove-page', url: 'https://a.example/p' })).toEqual({ type: 'remove-page', url: 'https://a.example/p' });
    expect(parseRequest({ type: 'sync', url: 'http://127.0.0.1:7457', token: '' })).toEqual({ type: 'sync', url: 'http://127.0.0.1:7457', token: '' });
    expect(isBookmarkProgress({ type: 'bookmark-progress', requestId: 'r1', stage: 'scoring' })).toBe(true);
    expect(isBookmarkProgress({ type: 'bookmark-progress', requestId: 'r1', stage: 'hacking' })).toBe(false);
  });

  const rejected: [string, unknown][] = [
    ['null', null],
    ['a string', 'bookmark'],
    ['an array', [{ type: 'bookmark' }]],
    ['no type', { tabId: 1 }],
    ['unknown type', { type: 'deleteEverything' }],
    ['type not a string', { type: 42 }],
    ['negative tab id', { type: 'bookmark', tabId: -1 }],
    ['fractional tab id', { type: 'bookmark', tabId: 1.5 }],
    ['string tab id', { type: 'bookmark', tabId: '3' }],
    ['extra key', { type: 'bookmark', tabId: 1, url: 'https://evil.example' }],
    ['curate without site', { type: 'curate', decision: 'include' }],
    ['curate with nothing to change', { type: 'curate', site: 'a.example' }],
    ['unknown decision', { type: 'curate', site: 'a.example', decision: 'delete' }],
    ['tags not strings', { type: 'curate', site: 'a.example', tags: [1, 2] }],
    ['tags not a list', { type: 'curate', site: 'a.example', tags: 'a,b' }],
    ['too many tags', { type: 'curate', site: 'a.example', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['huge notes', { type: 'curate', site: 'a.example', notes: 'x'.repeat(20_001) }],
    ['notes not text', { type: 'curate', site: 'a.example', notes: { toString: 'x' } }],
    ['site too long', { type: 'curate', site: 'a'.repeat(301), notes: 'x' }],
    ['sites with non-strings', { type: 'candidates-changed', sites: [1] }],
    ['a wait too short', { type: 'bookmark', waitMs: 10 }],
    ['a wait too long', { type: 'bookmark', waitMs: 3_600_000 }],
    ['a request id with odd characters', { type: 'bookmark', requestId: '<img>' }],
    ['cancel without a request id', { type: 'cancel-bookmark' }],
    ['remove-page without a URL', { type: 'remove-page' }],
    ['remove-page with a huge URL', { type: 'remove-page', url: 'x'.repeat(9000) }],
    ['sync without a token field', { type: 'sync', url: 'http://127.0.0.1:7457' }],
    ['sync with a huge token', { type: 'sync', url: 'http://127.0.0.1:7457', token: 'x'.repeat(300) }],
    ['prototype pollution attempt', JSON.parse('{"type":"bookmark","__proto__":{"admin":true}}')],
  ];
  for (const [why, msg] of rejected) {
    it(`rejects ${why}`, () => expect(parseRequest(msg)).toBeNull());
  }
});

describe('isTrustedSender', () => {
  it('trusts our own extension pages only', () => {
    expect(isTrustedSender({ id: ID, url: `${BASE}popup.html?tabId=3` }, ID, BASE)).toBe(true);
    expect(isTrustedSender({ id: ID, url: `${BASE}dashboard.html` }, ID, BASE)).toBe(true);
  });
  it('rejects other extensions, web pages, and missing data', () => {
    expect(isTrustedSender({ id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' }, ID, BASE)).toBe(false);
    expect(isTrustedSender({ id: 'otherextensionidotherextensionid', url: `${BASE}popup.html` }, ID, BASE)).toBe(false);
    // Our id but a web page URL: a content script (we have none) or a page using externally_connectable.
    expect(isTrustedSender({ id: ID, url: 'https://evil.example/popup.html' }, ID, BASE)).toBe(false);
    expect(isTrustedSender({ id: ID, url: `https://evil.example/${BASE}` }, ID, BASE)).toBe(false);
    expect(isTrustedSender({ id: ID }, ID, BASE)).toBe(false);
    expect(isTrustedSender({ url: `${BASE}popup.html` }, ID, BASE)).toBe(false);
    expect(isTrustedSender(undefined, ID, BASE)).toBe(false);
    expect(isTrustedSender({ id: ID, url: 'not a url' }, ID, BASE)).toBe(false);
    expect(isTrustedSender({ id: '', url: `${BASE}popup.html` }, '', BASE)).toBe(false);
  });
});
