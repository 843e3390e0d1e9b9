import { open, type FileHandle } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';

export interface Reject {
  /** Physical line of the file where the row starts. */
  readonly line: number;
  readonly reason: string;
  /** The row as it was in the file, without its line break. */
  readonly original: string;
}

/** The reject file: CSV `line,reason,original`; its length is what a resume cuts it back to. */
export class RejectFile {
  private constructor(
    private readonly handle: FileHandle,
    private length: number,
  ) {}

  /** Opens the file, keeping its first `keepBytes` (the committed rejects of an interrupted run). */
  static async open(file: string, keepBytes: number): Promise<RejectFile> {
    const handle = await open(file, keepBytes === 0 ? 'w' : 'r+');
    await handle.truncate(keepBytes);
    const rejects = new RejectFile(handle, keepBytes);
    if (keepBytes === 0) await rejects.append(stringify([['line', 'reason', 'original']]));
    return rejects;
  }

  get bytes(): number {
    return this.length;
  }

  async write(rejects: readonly Reject[]): Promise<void> {
    if (rejects.length === 0) return;
    await this.append(stringify(rejects.map((reject) => [reject.line, reject.reason, reject.original])));
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private async append(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    await this.handle.write(bytes, 0, bytes.length, this.length);
    this.length += bytes.length;
  }
}
