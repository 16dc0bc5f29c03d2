// The passphrase of a root key file (or of a key-management key share), read at the moment a command needs it: from the environment
// variable the operator named (`--passphrase-env VAR`, for scripted ceremonies) or typed at the
// terminal without echo. Never a command-line argument (ps and shell history would show it) and
// never printed.
import { AppError } from "@/lib/errors";

export const MIN_NEW_PASSPHRASE_LENGTH = 12;

export async function readPassphrase(input: { envVar?: string; isNew: boolean; env?: NodeJS.ProcessEnv; label?: string }): Promise<string> {
  // env-reads allow-list: the variable is named by the operator (--passphrase-env), so it is data, not configuration.
  const source = input.env ?? process.env;
  const label = input.label ?? "root key passphrase";
  let passphrase: string;
  if (input.envVar !== undefined) {
    passphrase = source[input.envVar] ?? "";
    // Children of this process (none today) must not inherit it.
    delete source[input.envVar];
    if (!passphrase) throw new AppError("bad_request", { userMessage: `--passphrase-env ${input.envVar}: that variable is unset or empty` });
  } else {
    if (!process.stdin.isTTY) throw new AppError("bad_request", { userMessage: "no terminal to ask for the passphrase: run it at a terminal or pass --passphrase-env VAR" });
    const typed = await promptHidden(input.isNew ? [`New ${label}: `, "Repeat it: "] : [`${label[0]!.toUpperCase()}${label.slice(1)}: `]);
    passphrase = typed[0];
    if (typed.some((line) => line !== passphrase)) throw new AppError("bad_request", { userMessage: "the passphrases differ" });
  }
  if (input.isNew && [...passphrase].length < MIN_NEW_PASSPHRASE_LENGTH) {
    throw new AppError("bad_request", { userMessage: `a ${label} needs at least ${MIN_NEW_PASSPHRASE_LENGTH} characters` });
  }
  return passphrase;
}

/** Reads one line per prompt from the terminal in raw mode, echoing nothing. */
function promptHidden(prompts: string[]): Promise<string[]> {
  const stdin = process.stdin;
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      typed = "";
      if (error) reject(error);
      else resolve(lines);
    };
    const onData = (chunk: Buffer) => {
      // One chunk may hold several lines (pasted, or typed ahead): each ends one prompt.
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          if (char === "\n" && typed === "" && lines.length > 0 && lastWasCr) continue;
          lines.push(typed);
          typed = "";
          process.stderr.write("\n");
          if (lines.length === prompts.length) return finish();
          process.stderr.write(prompts[lines.length]);
        } else if (char === "\u0003" || char === "\u0004") {
          return finish(new AppError("bad_request", { userMessage: "cancelled" }));
        } else if (char === "\u007f" || char === "\b") {
          typed = [...typed].slice(0, -1).join("");
        } else {
          typed += char;
        }
        lastWasCr = char === "\r";
      }
    };
    let lastWasCr = false;
    // Echo off before the prompt shows: a passphrase typed (or pasted) the moment the prompt
    // appears must not reach the terminal's echo.
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
    process.stderr.write(prompts[0]);
  });
}
