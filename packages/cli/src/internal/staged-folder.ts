import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ioError, makeFolder, type Context } from './context.js';

/**
 * An output folder written all at once: every file goes into a temporary
 * folder beside the target (the same parent, so the final rename is atomic),
 * and {@link StagedFolder.commit} swaps it in. A failed or interrupted write
 * leaves the old folder as it was, never a mix of new and old files.
 */
export class StagedFolder {
  /** The folder the files end up in. */
  readonly target: string;
  /** The temporary folder they are written to. */
  readonly staging: string;
  readonly #ctx: Context;
  #done = false;

  constructor(ctx: Context, target: string) {
    this.#ctx = ctx;
    this.target = ctx.path(target);
    const parent = dirname(this.target);
    try {
      makeFolder(parent);
      if (statExists(this.target) === 'file') {
        throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      }
      this.staging = mkdtempSync(join(parent, `.${basename(this.target)}.partial-`));
    } catch (error) {
      throw ioError(ctx.display(target), 'create', error);
    }
  }

  /** Writes a file of the folder (`path` relative to it); returns its final path. */
  async write(path: string, data: string | Uint8Array): Promise<string> {
    const staged = join(this.staging, path);
    try {
      makeFolder(dirname(staged));
      await writeFile(staged, data);
    } catch (error) {
      throw ioError(this.#ctx.display(join(this.target, path)), 'write', error);
    }
    return join(this.target, path);
  }

  /** Puts the new folder in place of the old one (old aside, new in, old removed). */
  commit(): void {
    const old = `${this.staging}.old`;
    const hadOld = statExists(this.target) === 'folder';
    try {
      if (hadOld) renameSync(this.target, old);
      try {
        renameSync(this.staging, this.target);
      } catch (error) {
        if (hadOld) renameSync(old, this.target);
        throw error;
      }
    } catch (error) {
      this.discard();
      throw ioError(this.#ctx.display(this.target), 'replace', error);
    }
    this.#done = true;
    if (hadOld) rmSync(old, { recursive: true, force: true });
  }

  /** Removes the temporary folder (the old folder is untouched). */
  discard(): void {
    if (this.#done) return;
    this.#done = true;
    rmSync(this.staging, { recursive: true, force: true });
  }

  /**
   * Runs `write` and commits, or discards the temporary folder when it fails.
   * On SIGINT or SIGTERM meanwhile the temporary folder is removed, stderr says
   * so, and the process exits with 130.
   */
  async run<T>(write: (folder: StagedFolder) => Promise<T>): Promise<T> {
    const onSignal = (signal: NodeJS.Signals): void => {
      this.discard();
      this.#ctx.error(
        `interrupted (${signal}): removed the unfinished ${this.#ctx.display(this.staging)}; ${this.#ctx.display(this.target)} is unchanged`,
      );
      process.exit(EXIT_INTERRUPTED);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await write(this);
      this.commit();
      return result;
    } catch (error) {
      this.discard();
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

/** The exit code after an interrupt: 128 + SIGINT (2), as shells report it. */
export const EXIT_INTERRUPTED = 130;

function statExists(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}
