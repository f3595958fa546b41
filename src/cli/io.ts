/** Where a command writes: injectable so tests can call commands as functions and read their output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that takes colour (TTY, no NO_COLOR; FORCE_COLOR wins). */
  colour: boolean;
  cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  const force = process.env.FORCE_COLOR;
  const colour =
    force !== undefined ? force !== '0' : process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour,
    cwd: process.cwd(),
  };
}
