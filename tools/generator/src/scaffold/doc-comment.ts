/**
 * A JSDoc block of comment-safe text (see `commentText` in escape.ts): one line when it fits in 120 columns, else
 * wrapped at word boundaries. `\n` starts a new line; an empty line stays empty.
 */
export function docComment(text: string, indent = ""): string {
  const single = `${indent}/** ${text} */`;
  if (!text.includes("\n") && single.length <= 120) return single;
  const width = 120 - indent.length - 3;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ").filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join(
    "\n",
  );
}
