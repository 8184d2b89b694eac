// The document's lines as places in its one text: where each line starts, found in one pass, and
// its text cut out only when asked for. Splitting the document into a string per line up front
// kept every line's string alive for the whole parse; cut per mail (parse.ts), the lines of a
// mail already read are garbage the young generation drops, which on a 10 MB mbox was most of
// the collector's work.

export class DocumentLines {
  /** The number of lines, as an editor counts them: the text after the last "\n" is a line, maybe empty. */
  readonly count: number;
  /** The length of the longest line: what no line cut from it, nor any part of one, exceeds. */
  readonly longest: number;
  /** starts[i] is where line i starts; starts[count] is one past the text's end (where a next line would start). */
  private readonly starts: Int32Array;

  /** `source`: the whole document text the lines are cut from. */
  constructor(readonly source: string) {
    // One loop, into room for a line per 16 characters (grown if the lines are shorter): a loop
    // counting the lines first was optimized on its own, and the loop after it once more, on
    // every parse of a process that parses once.
    let starts = new Int32Array((source.length >> 4) + 2);
    let line = 1;
    let longest = 0;
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) {
      // Room for this line's start and for the end after it.
      if (line + 1 >= starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[line] = at + 1;
      longest = Math.max(longest, at - starts[line - 1]);
      line++;
    }
    const count = line;
    starts[count] = source.length + 1;
    this.count = count;
    // Exactly the starts found: past the last line there is no start, as before.
    this.starts = starts.slice(0, count + 1);
    this.longest = Math.max(longest, source.length - starts[count - 1]);
  }

  /** Line i's text, without its "\n". */
  text(i: number): string {
    return this.source.slice(this.starts[i], this.starts[i + 1] - 1);
  }

  length(i: number): number {
    return this.starts[i + 1] - 1 - this.starts[i];
  }

  /** The code of character `index` of line i (within the line: not checked). */
  charCodeAt(i: number, index: number): number {
    return this.source.charCodeAt(this.starts[i] + index);
  }

  /** The code of line i's first character, or NaN for an empty line (as "".charCodeAt(0)). */
  firstCharCode(i: number): number {
    return this.length(i) === 0 ? NaN : this.source.charCodeAt(this.starts[i]);
  }
}
