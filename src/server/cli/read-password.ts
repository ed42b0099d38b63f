import type { Input, Output } from './io';

/**
 * The password for a new account when none was given on the command line, where it would stay in
 * the shell history: typed without echo (twice) at a terminal, else the first line of standard input
 * (`echo "$PW" | npm run cli -- create-user …`).
 */
export async function readPassword(stdin: Input | undefined, prompt: Output): Promise<string> {
  if (!stdin) throw new Error('Không có --password và không đọc được mật khẩu từ đầu vào chuẩn.');
  if (stdin.isTTY && stdin.setRawMode) {
    const [first, second] = await readHiddenLines(stdin, prompt, ['Mật khẩu: ', 'Nhập lại mật khẩu: ']);
    if (first !== second) throw new Error('Hai lần nhập mật khẩu không khớp.');
    return first!;
  }
  const line = await readFirstLine(stdin);
  if (line === null) throw new Error('Không có --password và đầu vào chuẩn trống.');
  return line;
}

async function readFirstLine(stdin: Input): Promise<string | null> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const newline = text.search(/\r?\n/);
    // Leaving the loop early stops reading: the rest of the input is not needed.
    if (newline >= 0) return text.slice(0, newline);
  }
  return text === '' ? null : text;
}

/** Lines typed without echo, one per label; keys typed ahead of a prompt count for the next line. */
function readHiddenLines(stdin: Input, prompt: Output, labels: string[]): Promise<string[]> {
  const setRawMode = stdin.setRawMode!.bind(stdin);
  const lines: string[] = [];
  let value = '';
  let afterCarriageReturn = false;
  prompt.write(labels[0]!);
  setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null) => {
      stdin.removeListener('data', onData);
      setRawMode(false);
      stdin.pause();
      prompt.write('\n');
      if (error) reject(error);
      else resolve(lines);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        const skip = ch === '\n' && afterCarriageReturn;
        afterCarriageReturn = ch === '\r';
        if (skip) continue;
        if (ch === '\u0003') return finish(new Error('Đã hủy.'));
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          lines.push(value);
          value = '';
          if (lines.length === labels.length) return finish(null);
          prompt.write(`\n${labels[lines.length]}`);
        } else if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
