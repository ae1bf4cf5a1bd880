import { describe, expect, it } from 'vitest';
import { preseemEndpoint } from '../src/url.js';

describe('preseemEndpoint', () => {
  it.each([
    ['https://pc.example.net', 'https://pc.example.net:444/api/preseem/index.php'],
    ['https://pc.example.net/', 'https://pc.example.net:444/api/preseem/index.php'],
    ['http://10.0.0.5', 'http://10.0.0.5:444/api/preseem/index.php'],
    // A port the operator wrote is kept, never doubled; :443 counts even though URL() hides it.
    ['https://pc.example.net:444', 'https://pc.example.net:444/api/preseem/index.php'],
    ['https://pc.example.net:8444/', 'https://pc.example.net:8444/api/preseem/index.php'],
    ['https://pc.example.net:443', 'https://pc.example.net:443/api/preseem/index.php'],
    ['http://127.0.0.1:34567', 'http://127.0.0.1:34567/api/preseem/index.php'],
    ['https://[2001:db8::5]', 'https://[2001:db8::5]:444/api/preseem/index.php'],
    ['https://[2001:db8::5]:9444', 'https://[2001:db8::5]:9444/api/preseem/index.php'],
    // A path prefix is kept; the endpoint path pasted in full is not repeated.
    ['https://pc.example.net/powercode/', 'https://pc.example.net:444/powercode/api/preseem/index.php'],
    ['https://pc.example.net:444/api/preseem/index.php', 'https://pc.example.net:444/api/preseem/index.php'],
    ['  https://pc.example.net  ', 'https://pc.example.net:444/api/preseem/index.php'],
  ])('%s → %s', (input, expected) => {
    expect(preseemEndpoint(input)).toBe(expected);
  });
});
