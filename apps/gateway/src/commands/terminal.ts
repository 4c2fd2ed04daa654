// biome-ignore-all lint/suspicious/noControlCharactersInRegex: matching control characters is the point

/**
 * Escape sequences a terminal acts on: CSI (`ESC [ … final`, or the 8-bit `0x9B …`), OSC strings
 * (`ESC ] … BEL` or `… ESC \`), DCS/SOS/PM/APC strings (`ESC P|X|^|_ … ESC \`) and the
 * other two- or three-byte escapes. Every class is disjoint from the next, so matching is linear.
 */
const SEQUENCES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[ -/]*[0-~]/g;

/** Whatever control characters remain, but newline and tab: a lone ESC, CR, backspace, BEL, C1. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text safe to print to a terminal: escape sequences removed whole, every other control
 * character but `\n` and `\t` removed. An agent's reply is someone else's text; on a terminal it
 * must not recolour, retitle, move the cursor, rewrite lines or ring. Safe chunk by chunk: a
 * sequence split between two chunks loses its ESC, so what is left prints as plain text.
 *
 * @example
 * stripTerminalControls("\u001b[31mred\u001b[0m\n"); // "red\n"
 */
export function stripTerminalControls(text: string): string {
  return text.replace(SEQUENCES, "").replace(CONTROLS, "");
}

/** How to print agent text to `out`: stripped on a terminal, as is when piped (to a file, to jq). */
export function forTerminal(out: NodeJS.WritableStream): (text: string) => string {
  return (out as Partial<NodeJS.WriteStream>).isTTY ? stripTerminalControls : (text) => text;
}
