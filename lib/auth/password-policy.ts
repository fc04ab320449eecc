import { z } from "zod";

// The handful of passwords every credential-stuffing list tries first.
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop",
  "qwerty123", "iloveyou", "11111111", "00000000", "abc12345", "letmein1", "welcome1", "admin123",
  "changeme", "newsroom", "football", "baseball", "sunshine", "princess", "trustno1", "passw0rd",
]);

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), "This password is too common; choose another.");
