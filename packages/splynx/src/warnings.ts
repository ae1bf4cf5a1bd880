/** Per-record warnings, grouped so one bad import does not print 10,000 lines. */

const SHOWN_PER_GROUP = 10;

export class WarningGroups {
  private readonly groups = new Map<string, string[]>();

  /** `summary` names the group in its "… and N more <summary>" line. */
  add(summary: string, line: string): void {
    let lines = this.groups.get(summary);
    if (lines === undefined) {
      lines = [];
      this.groups.set(summary, lines);
    }
    lines.push(line);
  }

  /** Sends the first lines of each group, then one count line for the rest. */
  flush(warn: (message: string) => void): void {
    for (const [summary, lines] of this.groups) {
      for (const line of lines.slice(0, SHOWN_PER_GROUP)) warn(line);
      if (lines.length > SHOWN_PER_GROUP) warn(`… and ${lines.length - SHOWN_PER_GROUP} more ${summary}`);
    }
    this.groups.clear();
  }
}
