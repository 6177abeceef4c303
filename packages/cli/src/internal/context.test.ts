import { describe, expect, it } from 'vitest';
import { Context, neutraliseTerminal } from './context.js';

// What a terminal acts on: C0 controls but tab and line feed, DEL, C1 controls,
// and the bidirectional formatting characters.
const UNSAFE = (cp: number): boolean =>
  (cp <= 0x1f && cp !== 0x09 && cp !== 0x0a) ||
  (cp >= 0x7f && cp <= 0x9f) ||
  cp === 0x061c ||
  cp === 0x200e ||
  cp === 0x200f ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069);

describe('neutraliseTerminal', () => {
  it('writes every unsafe code point of the Basic Multilingual Plane as \\uXXXX and keeps the rest', () => {
    // The property over the whole plane, each code point between two safe letters.
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates are not text
      const c = String.fromCharCode(cp);
      const out = neutraliseTerminal(`a${c}b`);
      if (UNSAFE(cp)) {
        expect(out).toBe(`a\\u${cp.toString(16).toUpperCase().padStart(4, '0')}b`);
      } else {
        expect(out).toBe(`a${c}b`);
      }
    }
  });

  it('keeps CRLF line ends and neutralises a lone carriage return', () => {
    expect(neutraliseTerminal('a,b\r\nc\rd')).toBe('a,b\r\nc\\u000Dd');
  });

  it('neutralises ESC, CSI, OSC and bidi overrides in labels, and JSON stays equal in value', () => {
    const hostile = 'inst\u001b[31mRED\u001b]8;;http://x\u0007link\u009b2J\u202Eevil\u2066';
    const out = neutraliseTerminal(hostile);
    expect(Array.from(out, (c) => c.codePointAt(0)!).some(UNSAFE)).toBe(false);
    const json = neutraliseTerminal(JSON.stringify({ label: hostile }));
    expect(JSON.parse(json)).toEqual({ label: hostile });
  });

  it('is applied to everything a command writes, on stdout and stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const ctx = new Context(
      {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
      },
      'text',
      false,
    );
    ctx.out('a\u001b[2Jb');
    ctx.note('c\u202Ed');
    ctx.error('e\u0085f');
    ctx.io.stdout.write('g\u009dh');
    expect(out.join('')).toBe('a\\u001B[2Jb\ng\\u009Dh');
    expect(err.join('')).toBe('c\\u202Ed\ne\\u0085f\n');
  });
});
