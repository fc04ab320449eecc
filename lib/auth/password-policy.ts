import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// The 49,000 passwords most often found in breaches, ranked (zxcvbn's list): the ones every
// credential-stuffing run tries first.
// Plus the words an attacker guesses first against this site in particular.
const COMMON_PASSWORDS = new Set([
  ...dictionary["passwords-common"],
  "newsroom",
  "newsroom1",
  "meridian",
  "themeridian",
  "changeme",
]);

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), "This password is too common; choose another.");
