/**
 * The two ways the command line stops early, both exit status 2 with one line on
 * stderr (cli.md): bad usage, and a file that cannot be read or written.
 */

/** Bad usage: an unknown command or option, a missing argument, a bad value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A file that cannot be read (or written): the line names the file and the reason. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "FileError";
  }
}

/** One line, whatever the message holds: newlines and runs of white space become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
