import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EduQualityError } from '@edu-quality/core';
import { readInteractionLog } from './read-interaction-log.js';

const HEADER = 'id;kind;institution;channel;received;answered';

describe('readInteractionLog: CSV', () => {
  it('reads ; with a BOM and CRLF, quoted fields with the delimiter, quotes and line breaks', () => {
    const csv =
      '\uFEFFid;kind;institution;service;channel;received;answered\r\n' +
      'R1;request;"school;1";"svc ""a""";email;2026-04-02T23:30;2026-04-20\r\n' +
      '"R\n2";complaint;school-2;;post;2026-04-03;\r\n';
    const log = readInteractionLog(csv);
    expect(log.issues).toEqual([]);
    expect(log.counts).toEqual({ read: 2, accepted: 2, rejected: 0 });
    expect(log.cases[0]).toEqual({
      id: 'R1',
      kind: 'request',
      institution: 'school;1',
      service: 'svc "a"',
      channel: 'email',
      events: { received: '2026-04-02T23:30', answered: '2026-04-20' },
    });
    expect(log.cases[1]).toEqual({
      id: 'R\n2',
      kind: 'complaint',
      institution: 'school-2',
      channel: 'post',
      events: { received: '2026-04-03' },
    });
  });

  it('reads , and every optional field, with renamed columns', () => {
    const csv = [
      'Reg No,kind,institution,channel,replyChannel,preferredChannel,received,pauseFrom,pauseTo,confirmationRequested,answerSeconds,rings,abandoned,turnedAway',
      'C1,call,school-1,phone,email,post,2026-04-02T10:00:00+03:00,2026-04-03,2026-04-05,taip,"12,5",3,no,0',
    ].join('\n');
    const log = readInteractionLog(csv, { columns: { id: 'Reg No' } });
    expect(log.issues).toEqual([]);
    expect(log.cases[0]).toEqual({
      id: 'C1',
      kind: 'call',
      institution: 'school-1',
      channel: 'phone',
      replyChannel: 'email',
      preferredChannel: 'post',
      events: { received: '2026-04-02T10:00:00+03:00' },
      pause: { from: '2026-04-03', to: '2026-04-05' },
      confirmationRequested: true,
      answerSeconds: 12.5,
      rings: 3,
      abandoned: false,
      turnedAway: false,
    });
  });

  it('rejects bad rows whole, with an issue per problem by row and column, and counts them', () => {
    const csv = [
      HEADER + ';rings;pauseFrom;pauseTo',
      'R1;request;s1;email;2026-02-30;;;;', // impossible date
      'R2;visit;;fax;2026-04-01T25:00;;x;2026-04-05;', // no institution, unknown channel, bad hour, bad number, half pause
      'R3;request;s1;email;2026-04-01;2026-04-02;;2026-04-05;2026-04-04', // pause backwards
      'R4;request;s1;email', // too few fields
      'R5;request;s1;email;2026-04-01;;;;',
      'R5;request;s1;email;2026-04-01;;;;', // duplicate id
    ].join('\n');
    const log = readInteractionLog(csv);
    expect(log.counts).toEqual({ read: 6, accepted: 1, rejected: 5 });
    const where = log.issues.map((i) => `${i.row}:${i.column ?? '-'}:${i.field ?? '-'}:${i.code}`);
    expect(where).toEqual([
      '2:5:received:invalid-timestamp',
      '3:3:institution:missing-value',
      '3:4:channel:invalid-value',
      '3:5:received:invalid-timestamp',
      '3:9:pauseTo:invalid-pause',
      '3:7:rings:invalid-number',
      '4:9:pauseTo:invalid-pause',
      '5:-:-:field-count',
      '7:1:id:duplicate-id',
    ]);
  });

  it('names the field in messages, never the value (personal data stays out)', () => {
    const secret = 'Jonas Jonaitis, Vilniaus g. 1';
    const csv = `${HEADER};service\nR1;${secret};s1;email;${secret};;\n`;
    const log = readInteractionLog(csv);
    expect(log.counts.rejected).toBe(1);
    for (const issue of log.issues) expect(JSON.stringify(issue)).not.toContain('Jonas');
  });

  it('reports unknown, duplicate and missing columns', () => {
    const log = readInteractionLog('id;kind;kind;note;channel\nR1;request;request;x;email\n');
    expect(log.issues.map((i) => `${i.code}:${i.field ?? ''}`)).toEqual([
      'duplicate-column:kind',
      'unknown-column:note',
      'missing-column:institution',
    ]);
    expect(log.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
  });

  it('reports an unclosed quote', () => {
    const log = readInteractionLog(`${HEADER}\nR1;request;s1;email;"2026-04-01;\n`);
    expect(log.issues.map((i) => i.code)).toEqual(['unclosed-quote']);
    expect(log.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
  });

  it('reads an empty text and a header alone as no rows', () => {
    expect(readInteractionLog('').counts).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(readInteractionLog(`${HEADER}\n\n`).counts).toEqual({
      read: 0,
      accepted: 0,
      rejected: 0,
    });
  });

  it('property: accepted + rejected = read, for any mix of valid and broken rows', () => {
    const cell = fc.oneof(
      fc.constantFrom('request', 'visit', 'x', '', '2026-04-01', '2026-13-01', 'email', '"q;"'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 4, maxLength: 7 }), { maxLength: 20 }),
        (rows) => {
          const text = [HEADER, ...rows.map((r) => r.join(';'))].join('\n');
          const log = readInteractionLog(text, { delimiter: ';' });
          expect(log.counts.accepted + log.counts.rejected).toBe(log.counts.read);
          expect(log.cases.length).toBe(log.counts.accepted);
          if (log.counts.rejected > 0) expect(log.issues.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('readInteractionLog: JSON', () => {
  it('reads an array of flat records and nested events, with issues by path', () => {
    const json = JSON.stringify([
      {
        id: 'R1',
        kind: 'request',
        institution: 's1',
        channel: 'email',
        received: '2026-04-01',
        rings: 2,
      },
      {
        id: 'R2',
        kind: 'request',
        institution: 's1',
        channel: 'email',
        events: { received: '2026-04-01T09:00', answered: null },
      },
      {
        id: 'R3',
        kind: 'call',
        institution: 's1',
        channel: 'phone',
        abandoned: 'maybe',
        colour: 'red',
      },
      'not a record',
      {
        id: 'R4',
        kind: 'request',
        institution: 's1',
        channel: 'email',
        events: { opened: '2026-04-01' },
      },
    ]);
    const log = readInteractionLog(json);
    expect(log.counts).toEqual({ read: 5, accepted: 2, rejected: 3 });
    expect(log.cases[0]).toMatchObject({ id: 'R1', rings: 2, events: { received: '2026-04-01' } });
    expect(log.cases[1]).toMatchObject({ id: 'R2', events: { received: '2026-04-01T09:00' } });
    expect(log.issues.map((i) => `${(i.path ?? []).join('.')}:${i.code}`)).toEqual([
      '2.colour:unknown-field',
      '2.abandoned:invalid-boolean',
      '3:invalid-record',
      '4.events.opened:unknown-field',
    ]);
  });

  it('reads { cases: [...] } and an already parsed array', () => {
    const record = { id: 'R1', kind: 'visit', institution: 's1', channel: 'in-person' };
    expect(readInteractionLog(JSON.stringify({ cases: [record] })).counts.accepted).toBe(1);
    expect(readInteractionLog([record]).cases).toEqual([{ ...record, events: {} }]);
  });

  it('rejects a __proto__ key rather than reading it', () => {
    const log = readInteractionLog(
      '[{"id":"R1","kind":"visit","institution":"s1","channel":"phone","__proto__":{"x":1}}]',
    );
    expect(log.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
    expect(log.issues[0]).toMatchObject({ code: 'unknown-field', field: '__proto__' });
  });

  it('throws invalid-input for text that does not parse, without quoting it', () => {
    try {
      readInteractionLog('[{"id": "Jonas Jonaitis"');
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error) && error.code).toBe('invalid-input');
      expect((error as Error).message).not.toContain('Jonas');
      expect((error as Error).cause).toBeUndefined();
    }
    expect(() => readInteractionLog('{"rows": []}')).toThrow(/array of records/);
  });
});

describe('readInteractionLog options', () => {
  it('names an unknown option key and a wrong value', () => {
    const options = (o: object) => o as Parameters<typeof readInteractionLog>[1];
    expect(() => readInteractionLog('id;kind\n', options({ delimeter: ';' }))).toThrow(
      /readInteractionLog: options\.delimeter is not an option/,
    );
    expect(() => readInteractionLog('id;kind\n', options({ delimiter: '\t' }))).toThrow(
      /options\.delimiter must be one of/,
    );
  });
});
