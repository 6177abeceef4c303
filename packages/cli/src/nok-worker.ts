// The worker of NokCsvFilePool: counts one part of a file, read straight
// from disk into the counter's memory, and posts the part back (the counts'
// buffer transferred, not copied). Built as dist/nok-worker.js.
import { parentPort } from 'node:worker_threads';
import { EduQualityError, type Issue } from '@edu-quality/core';
import { countNokCsvPart } from '@edu-quality/index';
import { readRange, type PartRequest, type PartReply } from './internal/nok-part.js';

const port = parentPort;
if (port === null) throw new Error('nok-worker: run it as a worker thread');
port.on('message', (request: PartRequest) => {
  let reply: PartReply;
  try {
    const part = countNokCsvPart(
      request.questionnaire,
      {
        byteLength: request.end - request.start,
        read: (into) => {
          readRange(request.fd, into, request.start);
        },
      },
      request.options,
    );
    reply = { part };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; issues?: unknown };
    reply = {
      error: {
        library: EduQualityError.isInstance(error),
        code: typeof e.code === 'string' ? e.code : 'ERR_NOK_WORKER',
        message: typeof e.message === 'string' ? e.message : String(error),
        issues: Array.isArray(e.issues) ? (e.issues as Issue[]) : [],
      },
    };
  }
  port.postMessage(
    reply,
    reply.part === undefined ? [] : [reply.part.counts.buffer as ArrayBuffer],
  );
});
