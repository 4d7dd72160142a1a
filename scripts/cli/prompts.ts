/**
 * Questions for answers not given as options, asked only when a person is at a terminal. Each
 * shows its default; an answer is checked as it is typed, so a wrong one is asked again.
 */
import type * as Inquirer from '@inquirer/prompts';
import { CliError, type Io } from './io.ts';

/** The prompts library, loaded at the first question: a command given every answer as options never needs it. */
const prompts = (): Promise<typeof Inquirer> => import('@inquirer/prompts');

/** A choice in a list question. */
export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/** Asks for text; `check` returns an error message for a wrong answer. */
export async function askText(message: string, opts: { default?: string; check?: (s: string) => string | undefined } = {}): Promise<string> {
  const { input } = await prompts();
  const answer = await input({
    message,
    required: true,
    ...(opts.default !== undefined ? { default: opts.default } : {}),
    validate: (s) => (s.trim() === '' ? 'an answer is needed' : (opts.check?.(s.trim()) ?? true)),
  });
  return answer.trim();
}

/** Asks to pick one of a list. */
export async function askChoice<T extends string>(message: string, choices: Choice<T>[], def?: T): Promise<T> {
  const { select } = await prompts();
  return select<T>({ message, choices, ...(def !== undefined ? { default: def } : {}) });
}

/** Asks to pick one or more of a list (or none, when `required` is false). */
export async function askMany<T extends string>(message: string, choices: Choice<T>[], required = true): Promise<T[]> {
  const { checkbox } = await prompts();
  return checkbox<T>({ message, choices, required });
}

/** Asks yes or no. */
export async function askYesNo(message: string, def: boolean): Promise<boolean> {
  const { confirm } = await prompts();
  return confirm({ message, default: def });
}

/** Fails with the options to give when answers are missing and nobody can be asked. */
export function needAnswers(io: Io, missing: string[], command: string): void {
  if (missing.length === 0 || io.interactive) return;
  throw new CliError(`missing ${missing.join(', ')} (give them as options, or run ${command} in a terminal to be asked)`, 2);
}
