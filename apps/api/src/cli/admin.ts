import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ConfigError, DomainError } from '@app/common';
import { CallerCache, PasswordResetService } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { UserService } from '@app/network';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AdminCliModule } from './admin-cli.module';
import { AdminCommands } from './admin-commands';

const USAGE = `Usage: npm run admin -- <command>
  create-admin <email> <name>   an administrator; password from ADMIN_PASSWORD, or asked for on a terminal
  reset-password <email>        prints a single-use reset link; with NEW_PASSWORD set, sets that password instead
  deactivate-user <email>       the account can no longer log in; its tokens are refused at once
  reactivate-user <email>       the account may log in again
Works on the database of DATABASE_URL (JWT_SECRET as for the API), migrated first as the API does.`;

/** A refusal of the command line itself (nothing to ask for a password with). */
class CliError extends Error {}

/** Reads a password on the terminal without echoing it. */
async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError('Set ADMIN_PASSWORD, or run this on a terminal to type the password');
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => rl.question(question, resolve));
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const wants = { 'create-admin': 2, 'reset-password': 1, 'deactivate-user': 1, 'reactivate-user': 1 } as Record<string, number>;
  if (!command || wants[command] === undefined || args.length !== wants[command]) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // Passwords are read here, never by the configuration: ADMIN_PASSWORD alone would be refused there
  // (it goes with ADMIN_EMAIL for the API's start) and must not create an account as a side effect.
  const adminPassword = process.env.ADMIN_PASSWORD;
  const newPassword = process.env.NEW_PASSWORD;
  delete process.env.ADMIN_PASSWORD;
  delete process.env.ADMIN_EMAIL;
  delete process.env.NEW_PASSWORD;

  const app = await NestFactory.createApplicationContext(AdminCliModule.register(), { logger: ['error', 'warn'] });
  try {
    const commands = new AdminCommands(
      app.get<DataSource>(getDataSourceToken()),
      app.get(TransactionRunner),
      app.get(UserService),
      app.get(PasswordResetService),
      app.get(CallerCache),
    );
    const email = args[0]!;
    switch (command) {
      case 'create-admin': {
        const password = adminPassword || (await prompt(`Password for ${email}: `));
        const id = await commands.createAdmin(email, args[1]!, password);
        process.stdout.write(`Administrator ${email.trim().toLowerCase()} created (${id}).\n`);
        break;
      }
      case 'reset-password': {
        if (newPassword) {
          await commands.setPassword(email, newPassword);
          process.stdout.write(`Password of ${email} set; every session of the account has ended.\n`);
        } else {
          const { link, expiresAt } = await commands.resetLink(email);
          process.stdout.write(`Reset link for ${email}, single use, until ${expiresAt.toISOString()}:\n${link}\n`);
        }
        break;
      }
      case 'deactivate-user':
        await commands.deactivate(email);
        process.stdout.write(`${email} deactivated; its sessions have ended.\n`);
        break;
      case 'reactivate-user':
        await commands.reactivate(email);
        process.stdout.write(`${email} reactivated.\n`);
        break;
    }
    return 0;
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const known = error instanceof DomainError || error instanceof ConfigError || error instanceof CliError;
    process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
